using System.Globalization;
using Broadsheet.Ingest.Archives.Alto;

namespace Broadsheet.Ingest.Archives.Mets;

/// <summary>An issue of a batch, read and checked: its METS and its pages' ALTO, by page label.</summary>
internal sealed record BatchIssue(IssueMets Mets, string MetsPath, IReadOnlyDictionary<string, (string Path, string Name)> Alto)
{
    /// <summary>Reads the issue's ALTO again when it is imported, so a batch's text is never all in memory at once.</summary>
    public Dictionary<string, AltoPage> ReadAlto() => Alto.ToDictionary(a => a.Key, a => AltoPage.Read(a.Value.Path, a.Value.Name), StringComparer.Ordinal);

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mets.Date:yyyy-MM-dd} edition {Mets.Edition}{(Mets.Title is null ? "" : $" ({Mets.Title}")}{(Mets.Volume is null ? "" : $", vol. {Mets.Volume}")}{(Mets.IssueNumber is null ? "" : $", no. {Mets.IssueNumber}")}{(Mets.Title is null ? "" : ")")}");
}

/// <summary>
/// A library batch in the Library of Congress's NDNP layout: <c>batch.xml</c> lists each issue's METS, which lists
/// its pages' images (TIFF, JPEG 2000), PDF and ALTO. Everything is read and checked before an issue is imported, so a
/// batch with a broken file is refused whole, naming the file, and changes nothing.
/// </summary>
internal static class NdnpBatch
{
    /// <summary>
    /// The names a batch's issue list goes by, the validated one first: a batch that passed the Library of Congress's
    /// validation has <c>batch_1.xml</c> beside the <c>batch.xml</c> it was delivered with, naming the issues' validated
    /// METS (<c>…_1.xml</c>), which may list fewer pages than the first ones did. Open ONI and chronam look in this order.
    /// </summary>
    private static readonly string[] Names = ["batch_1.xml", "BATCH_1.xml", "batchfile_1.xml", "batch_2.xml", "BATCH_2.xml", "batch.xml"];

    /// <summary>The batch's issue list: in the folder given or in its <c>data/</c> folder, by the first of <see cref="Names"/> there.</summary>
    public static string Find(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ImportException($"{folder}: no such folder");
        }

        foreach (var candidate in new[] { folder, Path.Combine(folder, "data") }.SelectMany(f => Names.Select(n => Path.Combine(f, n))))
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ImportException($"{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}/: no batch.xml (an NDNP batch has one, or a validated batch_1.xml, in its root or in data/)");
    }

    public static IReadOnlyList<BatchIssue> Read(string folder, CancellationToken cancellationToken)
    {
        var batchPath = Find(folder);
        var listName = Path.GetFileName(batchPath);
        var root = SafeXml.Load(batchPath, listName).Root!;
        if (root.Name.LocalName != "batch")
        {
            throw new ImportException($"{listName}: not an NDNP batch (its root is <{root.Name.LocalName}>, not <batch>)");
        }

        var batchFolder = Path.GetDirectoryName(batchPath)!;
        var issues = new List<BatchIssue>();
        foreach (var entry in root.Elements().Where(e => e.Name.LocalName == "issue"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var href = entry.Value.Trim();
            var metsPath = IssueMets.Resolve(batchFolder, href, listName);
            var name = Path.GetRelativePath(batchFolder, metsPath).Replace('\\', '/');
            if (!File.Exists(metsPath))
            {
                throw new ImportException($"{listName}: names {href} for the issue of {(string?)entry.Attribute("issueDate")}, which is not there");
            }

            DateOnly? date = DateOnly.TryParseExact((string?)entry.Attribute("issueDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            int? edition = int.TryParse((string?)entry.Attribute("editionOrder"), NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : null;
            var mets = IssueMets.Read(metsPath, name, date, edition);
            issues.Add(new BatchIssue(mets, metsPath, CheckPages(mets, batchFolder)));
        }

        if (issues.Count == 0)
        {
            throw new ImportException($"{listName}: lists no issues");
        }

        foreach (var twice in issues.GroupBy(i => (i.Mets.Date, i.Mets.Edition)).Where(g => g.Count() > 1))
        {
            var names = twice.Select(i => i.Mets.FileName).ToList();
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"{listName}: two issues for {twice.Key.Date:yyyy-MM-dd} edition {twice.Key.Edition} ({names[0]} and {names[1]}); one date and edition is one issue"));
        }

        return [.. issues.OrderBy(i => i.Mets.Date).ThenBy(i => i.Mets.Edition)];
    }

    /// <summary>Every page has an image or a PDF there, and its ALTO, where the METS names one, is there and is ALTO.</summary>
    private static Dictionary<string, (string Path, string Name)> CheckPages(IssueMets mets, string batchFolder)
    {
        var alto = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var page in mets.Pages)
        {
            if (page.Images.All(i => !Present(i)) && (page.Pdf is null || !Present(page.Pdf)))
            {
                var named = page.Images.Concat(page.Pdf is null ? [] : [page.Pdf]).Select(f => Path.GetRelativePath(batchFolder, f).Replace('\\', '/')).ToList();
                throw new ImportException(named.Count == 0
                    ? $"{mets.FileName}: page {page.Label} names no image or PDF"
                    : $"{mets.FileName}: page {page.Label}'s {string.Join(", ", named)} {(named.Count == 1 ? "is" : "are")} not there");
            }

            if (page.Alto is { } path)
            {
                var name = Path.GetRelativePath(batchFolder, path).Replace('\\', '/');
                if (!File.Exists(path))
                {
                    throw new ImportException($"{mets.FileName}: page {page.Label}'s ALTO {name} is not there");
                }

                _ = AltoPage.Read(path, name); // read to be checked, then let go
                alto[page.Label] = (path, name);
            }
        }

        return alto;
    }

    /// <summary>There and not empty: a file a transfer left at 0 bytes is as good as missing.</summary>
    public static bool Present(string path) => new FileInfo(path) is { Exists: true, Length: > 0 };
}
