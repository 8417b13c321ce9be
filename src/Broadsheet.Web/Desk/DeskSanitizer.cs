using System.Net;
using Ganss.Xss;

namespace Broadsheet.Web.Desk;

/// <summary>
/// Everything the desk types passes through here before it is stored. Plain fields (headline, byline, body
/// paragraphs, captions) keep their text and lose any markup; the correction note may keep a few harmless
/// tags and http(s) links. Either way no script, event handler or <c>javascript:</c> URL reaches a reader.
/// </summary>
internal sealed class DeskSanitizer
{
    private readonly HtmlSanitizer _dropCode;
    private readonly HtmlSanitizer _plain;
    private readonly HtmlSanitizer _rich;

    public DeskSanitizer()
    {
        // First pass: script and style elements go with their contents (the default tags stay for the second pass).
        _dropCode = new HtmlSanitizer { KeepChildNodes = false };
        _plain = new HtmlSanitizer { KeepChildNodes = true };
        _plain.AllowedTags.Clear();
        _plain.AllowedAttributes.Clear();

        _rich = new HtmlSanitizer();
        _rich.AllowedTags.Clear();
        _rich.AllowedTags.UnionWith(["p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li"]);
        _rich.AllowedAttributes.Clear();
        _rich.AllowedAttributes.Add("href");
        _rich.AllowedSchemes.Clear();
        _rich.AllowedSchemes.UnionWith(["http", "https"]);
        _rich.AllowedCssProperties.Clear();
    }

    /// <summary>The text of <paramref name="input"/> without any markup, whitespace collapsed; null when nothing is left.</summary>
    public string? Text(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        // The sanitizer answers in HTML (an "&" comes back as "&amp;"); the field stores text.
        var text = WebUtility.HtmlDecode(_plain.Sanitize(_dropCode.Sanitize(input)));
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
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
