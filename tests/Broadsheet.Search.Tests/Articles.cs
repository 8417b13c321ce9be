using Broadsheet.Core.Model;

namespace Broadsheet.Search.Tests;

/// <summary>Builds test articles with sensible defaults, so each test states only what it is about.</summary>
internal static class Articles
{
    public static ArticleDocument Make(
        int id,
        string body = "",
        string headline = "本地新闻",
        string? byline = null,
        string? kicker = null,
        string? subheadline = null,
        string pub = "gzfzb",
        string date = "2024-03-12",
        int edition = 1,
        string page = "01",
        string pageName = "头版",
        int n = 1,
        ArticleKind kind = ArticleKind.Story,
        string[]? captions = null) => new()
        {
            ArticleId = id,
            PublicationSlug = pub,
            PublicationName = pub == "gzfzb" ? "贵州法治报" : "The County Herald",
            Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            EditionNumber = edition,
            PageLabel = page,
            PageName = pageName,
            ArticleNumberOnPage = n,
            Kind = kind,
            Kicker = kicker,
            Headline = headline,
            Subheadline = subheadline,
            Byline = byline,
            Body = body.Length == 0 ? [] : body.Split('\n'),
            Captions = captions ?? [],
        };
}
