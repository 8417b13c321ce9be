using Ganss.Xss;

namespace Broadsheet.Web.Desk;

/// <summary>
/// Everything the desk types passes through here before it is stored. Plain fields (headline, byline, body
/// paragraphs, captions, names, footer lines) are text, stored as typed: "3&lt;5" and "&amp;lt;script&amp;gt;" are
/// what the editor meant, and every page, the API and JSON-LD encode them when they show them. The correction
/// note is the one field that is HTML: it may keep a few harmless tags and http(s) links, no script, event
/// handler or <c>javascript:</c> URL.
/// </summary>
internal sealed class DeskSanitizer
{
    private readonly HtmlSanitizer _rich;

    public DeskSanitizer()
    {
        _rich = new HtmlSanitizer();
        _rich.AllowedTags.Clear();
        _rich.AllowedTags.UnionWith(["p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li"]);
        _rich.AllowedAttributes.Clear();
        _rich.AllowedAttributes.Add("href");
        _rich.AllowedSchemes.Clear();
        _rich.AllowedSchemes.UnionWith(["http", "https"]);
        _rich.AllowedCssProperties.Clear();
    }

    /// <summary>
    /// <paramref name="input"/> as typed, trimmed, with control characters (a line break in a one-line field, a
    /// tab, a NUL) as spaces; null when nothing is left. Nothing else changes: an ideographic space in a byline
    /// stays one, and text that looks like markup stays text.
    /// </summary>
    public string? Text(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = string.Create(input.Length, input, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Safe HTML for the correction note; null when nothing is left.</summary>
    public string? RichText(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var html = _rich.Sanitize(input).Trim();
        return html.Length == 0 ? null : html;
    }
}
