namespace Broadsheet.Ingest.Packages;

/// <summary>
/// An edition package: a folder or a zip of page PDFs, one per printed page, each named by its page label
/// (<c>01-头版.pdf</c>). Anything else in it (ground truth, notes, images) is ignored.
/// </summary>
internal sealed class EditionPackage
{
    private EditionPackage(string displayName, IReadOnlyList<PackagePage> pages)
    {
        DisplayName = displayName;
        Pages = pages;
    }

    /// <summary>How messages name the package: <c>input/</c> for a folder, <c>edition.zip</c> for a zip.</summary>
    public string DisplayName { get; }

    /// <summary>The pages in edition order.</summary>
    public IReadOnlyList<PackagePage> Pages { get; }

    public static string DisplayNameOf(string sourcePath)
    {
        var full = Path.GetFullPath(sourcePath);
        var trimmed = Path.TrimEndingDirectorySeparator(full);
        return Directory.Exists(trimmed) ? Path.GetFileName(trimmed) + "/" : Path.GetFileName(trimmed);
    }

    /// <summary>
    /// Opens a folder, or unpacks a zip into <paramref name="stagingDirectory"/> (which the caller deletes),
    /// and reads the page list. Throws <see cref="ImportException"/> when the package is unusable.
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
                throw new ImportException($"{display}: not a folder or a .zip of page PDFs");
            }

            folder = Path.Combine(stagingDirectory, "package");
            ZipExtractor.Extract(sourcePath, folder, limits.MaxBytes, limits.MaxEntries, cancellationToken);
        }
        else
        {
            throw new ImportException($"{display}: no such file or folder");
        }

        var files = PageFiles(folder);
        if (files.Count == 0)
        {
            throw new ImportException($"{display}: no page PDFs found");
        }

        var pages = files.Select(PageFileName.Parse).ToList();
        foreach (var clash in pages.GroupBy(p => p.Label, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = clash.Select(p => p.FileName).Order(StringComparer.Ordinal).ToArray();
            throw new ImportException($"{names[1]}: page label {clash.Key} is also used by {names[0]}; each page may appear once");
        }

        pages.Sort((a, b) => PageFileName.CompareLabels(a.Label, b.Label));
        return new EditionPackage(display, pages);
    }

    /// <summary>
    /// The PDFs at the top of the folder; a package whose pages sit one folder down (as zipping a folder
    /// makes them) is read from there.
    /// </summary>
    private static List<string> PageFiles(string folder)
    {
        var files = Directory.EnumerateFiles(folder).Where(f => ZipExtractor.IsPagePdf(Path.GetFileName(f))).ToList();
        if (files.Count == 0)
        {
            var subfolders = Directory.EnumerateDirectories(folder)
                .Where(d => !Path.GetFileName(d).StartsWith('.') && !string.Equals(Path.GetFileName(d), "__MACOSX", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (subfolders.Count == 1)
            {
                return PageFiles(subfolders[0]);
            }
        }

        return files;
    }
}
