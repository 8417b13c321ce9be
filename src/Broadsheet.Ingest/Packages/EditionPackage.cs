using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// An edition package: a folder or a zip of page files, one PDF (or, where there is no PDF, one JPEG, PNG
/// or TIFF image) per printed page, or a single PDF of the whole edition. Page order, labels and names come
/// from an optional <c>edition.json</c>, else from the file names (<c>01-头版.pdf</c>). Anything else in
/// the package (ground truth, notes) is ignored. See docs/formats.md.
/// </summary>
internal sealed class EditionPackage
{
    private EditionPackage(string displayName, IReadOnlyList<PackagePage> pages, EditionManifest? manifest)
    {
        DisplayName = displayName;
        Pages = pages;
        Manifest = manifest;
    }

    /// <summary>How messages name the package: <c>input/</c> for a folder, <c>edition.zip</c> for a zip.</summary>
    public string DisplayName { get; }

    /// <summary>The pages in edition order.</summary>
    public IReadOnlyList<PackagePage> Pages { get; }

    /// <summary>The package's <c>edition.json</c>, when it has one.</summary>
    public EditionManifest? Manifest { get; }

    public static string DisplayNameOf(string sourcePath)
    {
        var full = Path.GetFullPath(sourcePath);
        var trimmed = Path.TrimEndingDirectorySeparator(full);
        return Directory.Exists(trimmed) ? Path.GetFileName(trimmed) + "/" : Path.GetFileName(trimmed);
    }

    /// <summary>
    /// Opens a folder, or unpacks a zip into <paramref name="stagingDirectory"/> (which the caller deletes),
    /// reads the manifest and the page list. Throws <see cref="ImportException"/> when the package is unusable.
    /// </summary>
    public static EditionPackage Open(string sourcePath, string stagingDirectory, PackageLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentNullException.ThrowIfNull(limits);
        var display = DisplayNameOf(sourcePath);
        string folder;
        if (Directory.Exists(sourcePath))
        {
            folder = sourcePath;
        }
        else if (File.Exists(sourcePath))
        {
            if (!sourcePath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new ImportException($"{display}: not a folder or a .zip of page files");
            }

            folder = Path.Combine(stagingDirectory, "package");
            ZipExtractor.Extract(sourcePath, folder, limits.MaxBytes, limits.MaxEntries, cancellationToken);
        }
        else
        {
            throw new ImportException($"{display}: no such file or folder");
        }

        var root = Root(folder);
        var manifest = ManifestReader.ReadFrom(root);
        var pages = manifest?.Pages is { } listed ? FromManifest(root, listed, limits) : FromFileNames(root, display, limits);
        if (manifest?.Articles is { } articles)
        {
            CheckPlacements(articles, pages);
        }

        return new EditionPackage(display, pages, manifest);
    }

    /// <summary>
    /// The folder the package's files are in: the given one, or its only subfolder when the files sit one
    /// folder down (as zipping a folder makes them).
    /// </summary>
    private static string Root(string folder)
    {
        if (Directory.EnumerateFiles(folder).Any(f => ZipExtractor.IsPackageFile(Path.GetFileName(f))))
        {
            return folder;
        }

        var subfolders = Directory.EnumerateDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && !string.Equals(Path.GetFileName(d), "__MACOSX", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return subfolders.Count == 1 ? Root(subfolders[0]) : folder;
    }

    private static List<PackagePage> FromManifest(string root, IReadOnlyList<ManifestPage> listed, PackageLimits limits)
    {
        CheckCount(listed.Count, EditionManifest.FileName, limits);
        var pages = new List<PackagePage>();
        for (var i = 0; i < listed.Count; i++)
        {
            var entry = listed[i];
            var path = ManifestReader.Resolve(root, entry.File, i);
            if (!File.Exists(path))
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{entry.File}: {EditionManifest.FileName} names it for page {PageLabel.Normalise(entry.Label)} ($.pages[{i}].file), but the package does not have it"));
            }

            var shared = entry.PdfPage > 1 || listed.Count(p => string.Equals(p.File, entry.File, StringComparison.Ordinal)) > 1;
            pages.Add(new PackagePage(PageLabel.Normalise(entry.Label), entry.Name?.Trim() ?? "", path)
            {
                FileName = shared ? string.Create(CultureInfo.InvariantCulture, $"{entry.File} (page {entry.PdfPage})") : entry.File,
                Section = string.IsNullOrWhiteSpace(entry.Section) ? null : entry.Section.Trim(),
                PdfPage = entry.PdfPage,
                OnePageOfMany = shared,
            });
        }

        return pages;
    }

    private static List<PackagePage> FromFileNames(string root, string display, PackageLimits limits)
    {
        var files = Directory.EnumerateFiles(root).Where(f => FileSignature.IsPageFileName(Path.GetFileName(f))).ToList();
        if (files.Count == 0)
        {
            throw new ImportException($"{display}: no page PDFs or images found");
        }

        CheckCount(files.Count, display, limits);
        if (files.Count == 1 && PdfPageCount(files[0], limits) is > 1 and var count)
        {
            CheckCount(count, Path.GetFileName(files[0]), limits);
            // One PDF of the whole edition: its pages are the edition's, numbered 01, 02 …
            var digits = Math.Max(2, count.ToString(CultureInfo.InvariantCulture).Length);
            var name = Path.GetFileName(files[0]);
            return [.. Enumerable.Range(1, count).Select(n => new PackagePage(n.ToString(new string('0', digits), CultureInfo.InvariantCulture), "", files[0])
            {
                FileName = string.Create(CultureInfo.InvariantCulture, $"{name} (page {n})"),
                PdfPage = n,
                OnePageOfMany = true,
            })];
        }

        var pages = files.Select(PageFileName.Parse).ToList();
        foreach (var clash in pages.GroupBy(p => p.Label, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = clash.Select(p => p.FileName).Order(StringComparer.Ordinal).ToArray();
            throw new ImportException($"{names[1]}: page label {clash.Key} is also used by {names[0]}; each page may appear once");
        }

        pages.Sort((a, b) => PageFileName.CompareLabels(a.Label, b.Label));
        return pages;
    }

    /// <summary>The number of pages of a PDF, or null when it is not one that opens (validation will say why).</summary>
    private static int? PdfPageCount(string path, PackageLimits limits) =>
        FileSignature.Sniff(path) == PageFileKind.Pdf && limits.CountPdfPages is { } count ? count(path) : null;

    private static void CheckCount(int pages, string name, PackageLimits limits)
    {
        if (pages > limits.MaxPages)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {pages} pages, more than the {limits.MaxPages} an edition may have (Broadsheet:Ingest:MaxPages)"));
        }
    }

    private static void CheckPlacements(IReadOnlyList<ManifestArticle> articles, IReadOnlyList<PackagePage> pages)
    {
        var labels = pages.Select(p => p.Label).ToHashSet(StringComparer.Ordinal);
        for (var a = 0; a < articles.Count; a++)
        {
            foreach (var (list, kind) in new[] { (articles[a].Regions, "regions"), (articles[a].Images, "images") })
            {
                for (var r = 0; r < list.Count; r++)
                {
                    var label = PageLabel.Normalise(list[r].Page);
                    if (!labels.Contains(label))
                    {
                        throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                            $"{EditionManifest.FileName}: $.articles[{a}].{kind}[{r}].page: the edition has no page {label}"));
                    }
                }
            }
        }
    }
}
