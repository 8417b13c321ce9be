using System.Globalization;
using System.Xml.Linq;

namespace Broadsheet.Ingest.Archives.Mets;

/// <summary>A page of an issue: its label, and the files the METS names for it (paths resolved, not yet checked).</summary>
internal sealed record MetsPage(string Label, string? Name, IReadOnlyList<string> Images, string? Pdf, string? Alto);

/// <summary>An article of the METS logical structure: its title and the ALTO blocks it is made of, page by page.</summary>
internal sealed record MetsArticle(string? Title, IReadOnlyList<(int Page, string BlockId)> Blocks);

/// <summary>An issue's METS: who, when, which pages, and the articles where the METS has a logical structure.</summary>
internal sealed record IssueMets(
    string FileName, string? Title, DateOnly Date, int Edition, string? Volume, int? IssueNumber, IReadOnlyList<MetsPage> Pages, IReadOnlyList<MetsArticle> Articles)
{
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Reads the METS of one issue (NDNP's profile, or a digitisation vendor's with ARTICLE divisions).</summary>
    /// <param name="path">The METS file.</param>
    /// <param name="name">How messages name it (its path in the batch).</param>
    /// <param name="fallbackDate">The date batch.xml gives, for a METS that gives none.</param>
    /// <param name="fallbackEdition">The edition batch.xml gives.</param>
    public static IssueMets Read(string path, string name, DateOnly? fallbackDate, int? fallbackEdition)
    {
        var root = SafeXml.Load(path, name).Root!;
        if (root.Name.LocalName != "mets")
        {
            throw new ImportException($"{name}: not METS (its root is <{root.Name.LocalName}>)");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var dmd = All(root, "dmdSec").ToDictionary(d => (string?)d.Attribute("ID") ?? "", d => d, StringComparer.Ordinal);
        var files = All(root, "file").Where(f => f.Attribute("ID") is not null)
            .ToDictionary(f => (string)f.Attribute("ID")!, f => f, StringComparer.Ordinal);
        var maps = All(root, "structMap").ToList();
        var issueDiv = maps.SelectMany(m => m.Descendants()).FirstOrDefault(d => d.Name.LocalName == "div" && Type(d) is "np:issue" or "issue" or "newspaper");
        var issueMods = issueDiv?.Attribute("DMDID") is { } id && dmd.TryGetValue(((string)id).Split(' ')[0], out var sec) ? sec : dmd.Values.FirstOrDefault();

        var dateText = Text(issueMods, "dateIssued");
        DateOnly date;
        if (dateText is not null && DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
        }
        else
        {
            date = fallbackDate ?? throw new ImportException($"{name}: no issue date (mods:dateIssued)");
        }

        var edition = Detail(issueMods, "edition") is { } e && int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var ed) && ed is >= 1 and <= 99 ? ed : fallbackEdition ?? 1;
        var issueNumber = Detail(issueMods, "issue") is { } i && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : (int?)null;
        var label = (string?)root.Attribute("LABEL");
        var title = Text(issueMods, "title") ?? (label is not null && label.LastIndexOf(',') is > 0 and var comma ? label[..comma].Trim() : label);

        var pageDivs = maps.SelectMany(m => m.Descendants()).Where(d => d.Name.LocalName == "div" && Type(d) is "np:page" or "page").ToList();
        var pages = new List<MetsPage>();
        var pageOfAlto = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pageDivs.Count; p++)
        {
            var div = pageDivs[p];
            var pageMods = div.Attribute("DMDID") is { } pid && dmd.TryGetValue(((string)pid).Split(' ')[0], out var ps) ? ps : null;
            var number = Text(pageMods, "start") ?? Detail(pageMods, "page number") ?? (string?)div.Attribute("ORDERLABEL");
            var own = (p + 1).ToString("00", CultureInfo.InvariantCulture);
            var (images, pdf, alto) = (new List<string>(), (string?)null, (string?)null);
            foreach (var fileId in div.Descendants().Where(x => x.Name.LocalName == "fptr").Select(x => (string?)x.Attribute("FILEID")).Where(x => x is not null))
            {
                if (!files.TryGetValue(fileId!, out var file) || Href(file) is not { } href)
                {
                    continue;
                }

                var use = ((string?)file.Attribute("USE") ?? "").ToUpperInvariant();
                var mime = ((string?)file.Attribute("MIMETYPE") ?? "").ToUpperInvariant();
                var extension = Path.GetExtension(href).ToUpperInvariant();
                var full = Resolve(folder, href, name);
                if (use is "OCR" or "ALTO" || mime.Contains("XML", StringComparison.Ordinal) || extension == ".XML")
                {
                    alto = full;
                    pageOfAlto[fileId!] = p;
                }
                else if (mime.Contains("PDF", StringComparison.Ordinal) || extension == ".PDF")
                {
                    pdf = full;
                }
                else
                {
                    images.Add(full);
                }
            }

            pages.Add(new MetsPage(own, number, images, pdf, alto));
        }

        if (pages.Count == 0)
        {
            throw new ImportException($"{name}: the METS lists no pages (no structMap div of TYPE np:page or page)");
        }

        return new IssueMets(name, title, date, edition, Detail(issueMods, "volume"), issueNumber, pages, LogicalArticles(maps, pageOfAlto));
    }

    /// <summary>ARTICLE divisions of a logical structMap, each with the ALTO blocks its <c>area</c>s point at.</summary>
    private static List<MetsArticle> LogicalArticles(List<XElement> maps, Dictionary<string, int> pageOfAlto)
    {
        var articles = new List<MetsArticle>();
        foreach (var div in maps.Where(m => string.Equals((string?)m.Attribute("TYPE"), "LOGICAL", StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => m.Descendants()).Where(d => d.Name.LocalName == "div" && string.Equals(Type(d), "article", StringComparison.OrdinalIgnoreCase)))
        {
            var blocks = div.Descendants().Where(a => a.Name.LocalName == "area")
                .Select(a => ((string?)a.Attribute("FILEID"), (string?)a.Attribute("BEGIN")))
                .Where(a => a.Item1 is not null && a.Item2 is not null && pageOfAlto.ContainsKey(a.Item1))
                .Select(a => (pageOfAlto[a.Item1!], a.Item2!))
                .ToList();
            if (blocks.Count > 0)
            {
                articles.Add(new MetsArticle((string?)div.Attribute("LABEL"), blocks));
            }
        }

        return articles;
    }

    private static string? Type(XElement div) => ((string?)div.Attribute("TYPE"))?.ToLowerInvariant();

    private static IEnumerable<XElement> All(XElement root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    private static string? Text(XElement? scope, string name) =>
        scope?.Descendants().FirstOrDefault(e => e.Name.LocalName == name && e.Value.Trim().Length > 0)?.Value.Trim();

    /// <summary>A MODS <c>detail</c>'s number (or caption) of a type: volume, issue, edition, page number.</summary>
    private static string? Detail(XElement? scope, string type) =>
        scope?.Descendants().Where(e => e.Name.LocalName == "detail" && string.Equals((string?)e.Attribute("type"), type, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Elements().FirstOrDefault(c => c.Name.LocalName is "number" or "caption")?.Value.Trim())
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static string? Href(XElement file) =>
        file.Elements().FirstOrDefault(e => e.Name.LocalName == "FLocat")?.Attribute(XLink + "href")?.Value.Trim();

    /// <summary>A file the METS names, inside the issue's folder tree; a path that climbs out or is absolute is refused.</summary>
    internal static string Resolve(string folder, string href, string name)
    {
        var relative = href.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? href["file://".Length..] : href;
        if (relative.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains(".."))
        {
            throw new ImportException($"{name}: names '{href}', which is not a path inside the batch");
        }

        return Path.GetFullPath(Path.Combine(folder, relative));
    }
}
