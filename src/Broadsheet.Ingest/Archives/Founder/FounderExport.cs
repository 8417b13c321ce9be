using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Broadsheet.Ingest.Archives.Founder;

/// <summary>One page of Founder's e-paper export (方正见报XML): the page (大样) and its articles (小样).</summary>
internal sealed record FounderPage(
    string XmlName,
    DateOnly Date,
    string Label,
    string Name,
    string? PaperName,
    IReadOnlyList<string> PageFiles,
    IReadOnlyList<FounderArticle> Articles);

/// <summary>An article (小样) as the export gives it, its outline in fractions of the page.</summary>
internal sealed record FounderArticle(
    int Number,
    string? Kicker,
    string Headline,
    string? Subheadline,
    string? Byline,
    IReadOnlyList<string> Paragraphs,
    string Kind,
    IReadOnlyList<(double X, double Y)> Outline);

/// <summary>
/// Reads a 方正见报XML page. The export's element names are Chinese and carry no namespace; its outlines
/// (版面图映射) are vertices in per cent of the page, <c>48.76%,28.55%</c>, x first, from the top-left corner.
/// </summary>
internal static partial class FounderExport
{
    /// <summary>The root element of a Founder page export.</summary>
    public const string Root = "版面";

    /// <summary>Whether a file looks like a Founder export, from its first bytes, before any XML is parsed.</summary>
    public static bool Sniff(string path)
    {
        var head = new byte[1024];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var text = Encoding.UTF8.GetString(head, 0, read);
        return text.Contains("<" + Root, StringComparison.Ordinal) || text.Contains("方正见报", StringComparison.Ordinal);
    }

    /// <exception cref="ImportException">Not XML, not a Founder export, or a field it needs is missing or wrong; the message names the file.</exception>
    public static FounderPage Read(string path)
    {
        var name = Path.GetFileName(path);
        var root = SafeXml.Load(path, name).Root!;
        if (root.Name.LocalName != Root || root.Element("大样") is not { } page)
        {
            throw new ImportException($"{name}: not a Founder e-paper export (its root is <{root.Name.LocalName}>, not <{Root}> with a <大样>)");
        }

        var dateText = Text(page, "日期");
        if (!DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ImportException($"{name}: <日期> '{dateText}' is not a date (yyyy-MM-dd)");
        }

        var label = Text(page, "版次");
        if (label.Length is 0 or > 8 || !label.All(char.IsAsciiLetterOrDigit))
        {
            throw new ImportException($"{name}: <版次> '{label}' is not a page label (1 to 8 letters or digits)");
        }

        // The page files the export names, best first: the PDF, then the page images from the largest.
        var images = page.Element("版面图");
        var files = new[]
            {
                page.Element("PDF")?.Element("文件名"),
                images?.Element("真图")?.Element("文件名"),
                images?.Element("标准图")?.Element("文件名"),
                images?.Element("文件名"),
            }
            .Select(e => e?.Value.Trim())
            .Where(f => !string.IsNullOrEmpty(f))
            .Select(f => f!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var articles = new List<FounderArticle>();
        var n = 0;
        foreach (var item in root.Elements("小样"))
        {
            n++;
            if (string.Equals(Text(item, "发布"), "False", StringComparison.OrdinalIgnoreCase))
            {
                continue; // Not released for the e-paper by the desk that made it.
            }

            articles.Add(ReadArticle(item, n, name));
        }

        return new FounderPage(name, date, label, Text(page, "版名"), Text(page, "报名") is { Length: > 0 } paper ? paper : null, files, articles);
    }

    private static FounderArticle ReadArticle(XElement item, int n, string name)
    {
        var body = item.Element("内容");
        var html = string.Equals(body?.Attribute("htmlFormat")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        var paragraphs = Paragraphs(body?.Value ?? "", html);
        var kicker = Title(Text(item, "引题"));
        var headline = Title(Text(item, "标题"));
        var subheadline = Title(Text(item, "副题"));
        var byline = string.Join(' ', new[] { Text(item, "作者"), Text(item, "通讯员") }.Where(s => s.Length > 0));
        var outline = Outline(item, n, name);

        // Photos and briefs often come without a 标题; the reader still needs a line to list the article by.
        headline ??= kicker ?? subheadline ?? (paragraphs.Count > 0 ? Lead(paragraphs[0]) : null)
            ?? throw new ImportException(string.Create(CultureInfo.InvariantCulture, $"{name}: article {n} (<小样> {n}) has neither a title nor text"));
        return new FounderArticle(n, kicker, headline, subheadline, byline.Length > 0 ? byline : null, paragraphs, Kind(Text(item, "体裁")), outline);
    }

    private static List<(double X, double Y)> Outline(XElement item, int n, string name)
    {
        var points = new List<(double, double)>();
        foreach (var vertex in item.Element("版面图映射")?.Elements("顶点") ?? [])
        {
            var parts = vertex.Value.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || Percent(parts[0]) is not { } x || Percent(parts[1]) is not { } y)
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture, $"{name}: article {n}: <顶点> '{vertex.Value}' is not 'x%,y%'"));
            }

            // Outlines drawn to the page's edge overshoot it by a hair at times; further out is a broken export.
            if (x is < -0.005 or > 1.005 || y is < -0.005 or > 1.005)
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture, $"{name}: article {n}: <顶点> '{vertex.Value}' lies outside the page"));
            }

            points.Add((Math.Clamp(x, 0, 1), Math.Clamp(y, 0, 1)));
        }

        return points.Count >= 3
            ? points
            : throw new ImportException(string.Create(CultureInfo.InvariantCulture, $"{name}: article {n} has no outline on the page (<版面图映射> needs at least 3 <顶点>)"));
    }

    private static double? Percent(string text) =>
        double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value / 100 : null;

    private static string Text(XElement parent, string name) => parent.Element(name)?.Value.Trim() ?? "";

    /// <summary>A title's lines joined: <c>&lt;br&gt;</c> breaks a title where the page does, not where its words do.</summary>
    private static string? Title(string text)
    {
        var lines = Break().Split(WebUtility.HtmlDecode(Tag().Replace(Break().Replace(text, "\n"), ""))).Select(Clean).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var joined = new StringBuilder(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            // Chinese lines join as they are; Latin words keep a space between them.
            if (char.IsAscii(joined[^1]) || char.IsAscii(line[0]))
            {
                joined.Append(' ');
            }

            joined.Append(line);
        }

        return joined.ToString();
    }

    private static List<string> Paragraphs(string text, bool html)
    {
        if (html)
        {
            text = WebUtility.HtmlDecode(Tag().Replace(ParagraphEnd().Replace(text, "\n"), ""));
        }

        return [.. text.Split('\n').Select(Clean).Where(p => p.Length > 0)];
    }

    /// <summary>Trims spaces, ideographic spaces (the 　　 every paragraph opens with) and stray carriage returns.</summary>
    private static string Clean(string text) => text.Trim(' ', '\t', '\r', '\u3000', '\u00A0');

    private static string Lead(string paragraph)
    {
        var end = paragraph.IndexOfAny(['。', '！', '？', '.', '!', '?']);
        var lead = end > 0 ? paragraph[..end] : paragraph;
        return lead.Length <= 40 ? lead : lead[..40] + "…";
    }

    /// <summary>体裁, the genre the desk gave the article, where it is one of ours.</summary>
    private static string Kind(string genre) => genre switch
    {
        _ when genre.Contains("广告", StringComparison.Ordinal) => "advertisement",
        _ when genre.Contains("公告", StringComparison.Ordinal) || genre.Contains("启事", StringComparison.Ordinal) => "notice",
        _ when genre.Contains("图片", StringComparison.Ordinal) || genre.Contains("图说", StringComparison.Ordinal) => "photoNews",
        _ when genre.Contains("简讯", StringComparison.Ordinal) || genre.Contains("简明", StringComparison.Ordinal) => "briefs",
        _ => "story",
    };

    [GeneratedRegex(@"<br\s*/?>|\n", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex(@"<br\s*/?>|</p\s*>|</div\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
