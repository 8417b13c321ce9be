using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Reader;

/// <summary>schema.org <c>NewsArticle</c> of an article, for search engines, as JSON-LD.</summary>
internal static class NewsArticleJsonLd
{
    // Chinese stays readable; '<', '>' and '&' are still escaped, so the text can never close the script element.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string For(EditionView edition, ArticleOnPage home, string url, string image, string pageTitle)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(home);
        var article = home.Article;
        var published = edition.Edition.PublishedAt is { } at ? at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : ReaderUrls.Date(edition.Date);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url,
            ["url"] = url,
            ["headline"] = article.Headline,
            ["image"] = new JsonArray(image),
            ["datePublished"] = published,
            ["printEdition"] = ReaderUrls.Date(edition.Date),
            ["printPage"] = home.Page.Label,
            ["printSection"] = pageTitle,
            ["inLanguage"] = edition.Publication.Language,
            ["publisher"] = new JsonObject
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = edition.Publication.Name,
            },
            ["isAccessibleForFree"] = true,
            ["articleBody"] = string.Join("\n", article.Paragraphs),
        };
        if (article.Subheadline is not null)
        {
            json["alternativeHeadline"] = article.Subheadline;
        }

        if (article.Byline is not null)
        {
            json["author"] = new JsonArray(new JsonObject { ["@type"] = "Person", ["name"] = article.Byline });
        }

        return json.ToJsonString(Options);
    }
}
