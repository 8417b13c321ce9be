using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Broadsheet.Ingest.Archives.Sites;

/// <summary>
/// Just enough HTML for the pages of an old e-paper site: their text in the charset they declare (GB2312 and GBK
/// are common), tags and their attributes found by pattern, and an element's text. These pages come from a handful
/// of site generators and are read once, so a tolerant reading of tags beats building a DOM of every page.
/// </summary>
internal static partial class SiteHtml
{
    /// <summary>The largest page read; a page view or an article of an e-paper is a few tens of kilobytes.</summary>
    private const long MaxBytes = 4 * 1024 * 1024;

    static SiteHtml() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <exception cref="ImportException">Missing or too large; the message names <paramref name="name"/>.</exception>
    public static string Read(string path, string name)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            throw new ImportException($"{name}: the file is not in the mirror (or is empty)");
        }

        if (info.Length > MaxBytes)
        {
            throw new ImportException($"{name}: {info.Length / 1024 / 1024} MB is too large for a page of an e-paper site");
        }

        var bytes = File.ReadAllBytes(path);
        return Decode(bytes);
    }

    /// <summary>The page's text: a byte-order mark first, then the charset its head declares, else UTF-8.</summary>
    internal static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var encoding = Encoding.UTF8;
        if (Charset().Match(head) is { Success: true } declared)
        {
            var charset = declared.Groups[1].Value.ToLowerInvariant();
            // Browsers read every GB2312 page as GBK (and GBK as GB18030), a superset: sites declared the smaller one and used the larger.
            charset = charset is "gb2312" or "gbk" or "x-gbk" ? "gb18030" : charset;
            try
            {
                encoding = Encoding.GetEncoding(charset);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: UTF-8, as browsers mostly guess today.
            }
        }

        return encoding.GetString(bytes);
    }

    /// <summary>Every start tag named <paramref name="tag"/>, as its attributes (names lower-cased, values decoded).</summary>
    public static IEnumerable<Dictionary<string, string>> Tags(string html, string tag)
    {
        var pattern = new Regex($@"<{Regex.Escape(tag)}\b([^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        foreach (Match match in pattern.Matches(WithoutComments(html)))
        {
            yield return Attributes(match.Groups[1].Value);
        }
    }

    public static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Attribute().Matches(text))
        {
            var value = match.Groups["q"].Success ? match.Groups["q"].Value : match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["u"].Value;
            attributes.TryAdd(match.Groups["name"].Value, WebUtility.HtmlDecode(value));
        }

        return attributes;
    }

    /// <summary>The inner HTML of the first element named <paramref name="tag"/> (a custom element such as <c>founder-title</c> too), or null.</summary>
    public static string? Element(string html, string tag)
    {
        var match = Regex.Match(html, $@"<{Regex.Escape(tag)}\b[^>]*>(.*?)</{Regex.Escape(tag)}\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// The inner HTML of the element whose <c>id</c> is <paramref name="id"/>, up to its matching end tag (elements of
    /// its own name inside it counted), or null.
    /// </summary>
    public static string? ElementById(string html, string id)
    {
        var open = Regex.Match(html, $@"<(?<tag>[a-z][\w-]*)\b[^>]*\bid\s*=\s*[""']?{Regex.Escape(id)}[""'\s>/][^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!open.Success)
        {
            // The id as the tag's last attribute, closing it at once: <div id=ozoom>.
            open = Regex.Match(html, $@"<(?<tag>[a-z][\w-]*)\b[^>]*\bid\s*=\s*[""']?{Regex.Escape(id)}[""']?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (!open.Success)
            {
                return null;
            }
        }

        var tag = open.Groups["tag"].Value;
        var nested = new Regex($@"<(/?){Regex.Escape(tag)}\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var depth = 1;
        var start = open.Index + open.Length;
        foreach (Match m in nested.Matches(html, start))
        {
            depth += m.Groups[1].Value.Length == 0 ? 1 : -1;
            if (depth == 0)
            {
                return html[start..m.Index];
            }
        }

        return html[start..];
    }

    /// <summary>A field's text: tags dropped (a line break is a space), entities decoded, white space collapsed.</summary>
    public static string Text(string? html)
    {
        if (html is null)
        {
            return "";
        }

        var lines = WebUtility.HtmlDecode(AnyTag().Replace(Break().Replace(WithoutComments(html), "\n"), ""))
            .Split('\n')
            .Select(l => Spaces().Replace(l, " ").Trim(' ', '\u3000', '\u00A0'))
            .Where(l => l.Length > 0);

        // A title broken over lines: Chinese lines join as they are, Latin words keep a space between them.
        var joined = new StringBuilder();
        foreach (var line in lines)
        {
            if (joined.Length > 0 && (char.IsAscii(joined[^1]) || char.IsAscii(line[0])))
            {
                joined.Append(' ');
            }

            joined.Append(line);
        }

        return joined.ToString();
    }

    /// <summary>Body text as paragraphs: a paragraph, a line break or a division ends one; the ideographic indent is dropped.</summary>
    public static List<string> Paragraphs(string? html)
    {
        if (html is null)
        {
            return [];
        }

        html = WithoutScripts(WithoutComments(html));
        // Marked-up text breaks where its tags say; the source's own line breaks are spaces, unless it has no tags to break it.
        var marked = ParagraphEnd().IsMatch(html) ? ParagraphEnd().Replace(html.Replace('\n', ' '), "\n") : html;
        var text = WebUtility.HtmlDecode(AnyTag().Replace(marked, ""));
        return [.. text.Split('\n')
            .Select(p => Spaces().Replace(p.Replace('\u00A0', ' '), " ").Trim(' ', '\u3000', '\t', '\r'))
            .Where(p => p.Length > 0)];
    }

    public static string WithoutComments(string html) => Comment().Replace(html, "");

    private static string WithoutScripts(string html) => Script().Replace(html, "");

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();

    [GeneratedRegex(@"(?<name>[\w:-]+)\s*=\s*(?:""(?<q>[^""]*)""|'(?<a>[^']*)'|(?<u>[^\s>""']+))", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Script();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Break();

    [GeneratedRegex(@"<br\s*/?>|</p\s*>|<p\b[^>]*>|</div\s*>|</tr\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Spaces();
}
