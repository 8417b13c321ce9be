using System.Globalization;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Archives.Founder;

/// <summary>A Founder export's page, with the page file it describes, copied into an edition package.</summary>
internal sealed record StagedFounderPage(FounderPage Export, string PageFile);

/// <summary>
/// Turns Founder e-paper exports (one XML per page, its PDF or page image beside it) into an edition package
/// the importer takes as it is: the page files, and an <c>edition.json</c> giving the edition's date, the
/// pages' labels and names, and every article with its outline, so the import job (validation, progress,
/// all-or-nothing) is the same one every package goes through.
/// </summary>
internal static class FounderPackage
{
    private static readonly string[] PageExtensions = [".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    /// <summary>
    /// The Founder exports <paramref name="sourcePath"/> holds: the file itself when it is one, else the
    /// <c>.xml</c> files in the folder (or one folder down) that look like one. Empty for anything else.
    /// </summary>
    public static IReadOnlyList<string> Find(string sourcePath)
    {
        if (File.Exists(sourcePath))
        {
            return sourcePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? [sourcePath] : [];
        }

        if (!Directory.Exists(sourcePath))
        {
            return [];
        }

        var found = Exports(sourcePath);
        if (found.Count == 0)
        {
            var subfolders = Directory.GetDirectories(sourcePath).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
            if (subfolders.Count == 1)
            {
                found = Exports(subfolders[0]);
            }
        }

        return found;
    }

    /// <summary>Reads every export, finds its page file and writes the package into <paramref name="staging"/>.</summary>
    /// <returns>The package's folder, named as the source is, and its pages.</returns>
    public static (string Folder, IReadOnlyList<StagedFounderPage> Pages) Stage(string sourcePath, IReadOnlyList<string> exports, string staging)
    {
        var pages = exports.Select(x => (Export: FounderExport.Read(x), Xml: x)).ToList();
        var first = pages[0].Export;
        foreach (var (other, _) in pages.Skip(1))
        {
            if (other.Date != first.Date)
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{other.XmlName}: dated {other.Date:yyyy-MM-dd}, but {first.XmlName} is dated {first.Date:yyyy-MM-dd}; one edition at a time"));
            }
        }

        foreach (var clash in pages.GroupBy(p => PageLabel.Normalise(p.Export.Label), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = clash.Select(p => p.Export.XmlName).Order(StringComparer.Ordinal).ToArray();
            throw new ImportException($"{names[1]}: page {clash.Key} (<版次>) is also given by {names[0]}; each page may appear once");
        }

        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourcePath)));
        var folder = Path.Combine(staging, name.Length > 0 ? name : "founder");
        Directory.CreateDirectory(folder);
        var staged = new List<StagedFounderPage>();
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (export, xml) in pages.OrderBy(p => p.Export.Label, Comparer<string>.Create(PageFileName.CompareLabels)))
        {
            var source = PageFileOf(export, xml);
            var file = Path.GetFileName(source);
            if (!taken.TryAdd(file, export.XmlName))
            {
                throw new ImportException($"{export.XmlName}: names {file} as its page, which {taken[file]} names too");
            }

            File.Copy(source, Path.Combine(folder, file));
            staged.Add(new StagedFounderPage(export, Path.Combine(folder, file)));
        }

        File.WriteAllBytes(Path.Combine(folder, EditionManifest.FileName), Manifest(staged));
        return (folder, staged);
    }

    private static List<string> Exports(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith('.') && FounderExport.Sniff(f))
            .Order(StringComparer.Ordinal)];

    /// <summary>The file the export names (its PDF, else its largest page image), else one named as the XML is.</summary>
    private static string PageFileOf(FounderPage export, string xml)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(xml))!;
        var present = Directory.EnumerateFiles(folder)
            .GroupBy(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).First(), StringComparer.OrdinalIgnoreCase);
        foreach (var named in export.PageFiles)
        {
            // The export names a file in its own folder; a path in it would point elsewhere.
            if (named.IndexOfAny(['/', '\\']) < 0 && present.TryGetValue(named, out var path) && HasPageExtension(path))
            {
                return path;
            }
        }

        var stem = Path.GetFileNameWithoutExtension(xml);
        foreach (var extension in PageExtensions)
        {
            if (present.TryGetValue(stem + extension, out var path))
            {
                return path;
            }
        }

        var names = export.PageFiles.Count > 0 ? string.Join(" or ", export.PageFiles) : $"{stem}.pdf";
        throw new ImportException($"{export.XmlName}: its page file ({names}) is not beside it; put the page's PDF or image in the same folder");
    }

    private static bool HasPageExtension(string path) =>
        PageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static byte[] Manifest(IReadOnlyList<StagedFounderPage> pages)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("date", pages[0].Export.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("pages");
            foreach (var page in pages)
            {
                json.WriteStartObject();
                json.WriteString("label", page.Export.Label);
                if (page.Export.Name.Length > 0)
                {
                    json.WriteString("name", page.Export.Name);
                }

                json.WriteString("file", Path.GetFileName(page.PageFile));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("articles");
            foreach (var page in pages)
            {
                foreach (var article in page.Export.Articles)
                {
                    WriteArticle(json, page.Export.Label, article);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteArticle(Utf8JsonWriter json, string label, FounderArticle article) =>
        ManifestArticleJson.Write(
            json,
            article.Kind,
            article.Kicker,
            article.Headline,
            article.Subheadline,
            article.Byline,
            article.Paragraphs,
            [(label, article.Outline)]);
}
