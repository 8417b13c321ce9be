using System.Text.RegularExpressions;

namespace Broadsheet.Ingest.Archives.Sites;

/// <summary>An article page of an e-paper site (<c>content_123.htm</c>): 引题, 标题, 副题, 作者 and 正文 as the site gives them.</summary>
internal sealed partial record ContentPage(string? Kicker, string Headline, string? Subheadline, string? Byline, IReadOnlyList<string> Paragraphs)
{
    /// <summary>
    /// Reads the fields from the markup Founder's site generators write, whichever of them the page has, best first:
    /// the <c>&lt;founder-title&gt;</c> family of elements; the <c>&lt;!--enpproperty …--&gt;</c> comment the publishing
    /// system leaves in the head (<c>&lt;introtitle&gt;</c>, <c>&lt;title&gt;</c>, <c>&lt;subtitle&gt;</c>,
    /// <c>&lt;author&gt;</c>); elements by id (<c>PreTitle</c>, <c>Title</c>, <c>SubTitle</c>, <c>Author</c>). The text is
    /// <c>&lt;founder-content&gt;</c>, else the <c>&lt;!--enpcontent--&gt;</c> part, else the <c>ozoom</c> element the
    /// font-size buttons act on.
    /// </summary>
    /// <exception cref="ImportException">Missing, or neither a title nor text; the message names the file.</exception>
    public static ContentPage Read(SiteMirror mirror, string file)
    {
        var name = mirror.Name(file);
        var html = SiteHtml.Read(file, name);
        var property = EnpProperty().Match(html) is { Success: true } p ? p.Groups[1].Value : "";
        string? Field(string founder, string enp, string id)
        {
            var text = SiteHtml.Text(SiteHtml.Element(html, founder));
            if (text.Length == 0 && property.Length > 0)
            {
                text = SiteHtml.Text(SiteHtml.Element(property, enp));
            }

            if (text.Length == 0)
            {
                text = SiteHtml.Text(SiteHtml.ElementById(html, id));
            }

            return text.Length > 0 ? text : null;
        }

        var kicker = Field("founder-introtitle", "introtitle", "PreTitle");
        var headline = Field("founder-title", "title", "Title");
        var subheadline = Field("founder-subtitle", "subtitle", "SubTitle");
        var byline = Field("founder-author", "author", "Author");
        var body = SiteHtml.Element(html, "founder-content")
            ?? (EnpContent().Match(html) is { Success: true } c ? c.Groups[1].Value : null)
            ?? SiteHtml.ElementById(html, "ozoom");
        var paragraphs = SiteHtml.Paragraphs(body);

        // Photos and briefs often come without a 标题; the reader still needs a line to list the article by.
        headline ??= kicker ?? subheadline ?? (paragraphs.Count > 0 ? Lead(paragraphs[0]) : null)
            ?? throw new ImportException($"{name}: the article has neither a title nor text (no <founder-title>, <!--enpproperty--> title or id=\"Title\", and no text)");
        return new ContentPage(kicker, headline, subheadline, byline, paragraphs);
    }

    private static string Lead(string paragraph)
    {
        var end = paragraph.IndexOfAny(['。', '！', '？', '.', '!', '?']);
        var lead = end > 0 ? paragraph[..end] : paragraph;
        return lead.Length <= 40 ? lead : lead[..40] + "…";
    }

    [GeneratedRegex(@"<!--\s*enpproperty(.*?)/enpproperty\s*-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnpProperty();

    [GeneratedRegex(@"<!--\s*enpcontent\s*-->(.*?)<!--\s*/enpcontent\s*-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnpContent();
}
