using System.Text.RegularExpressions;
using Broadsheet.Search;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader;
using Broadsheet.Web.Search;

namespace Broadsheet.Web.OpenData.Feeds;

/// <summary>
/// <c>/search/feed?q=…</c>: the newest articles matching a search as an Atom feed, a reader's alert without an
/// account. The same query language as <c>/search</c>, rate-limited as it is.
/// </summary>
internal static partial class SearchFeed
{
    private const int Entries = 20;

    public static IEndpointRouteBuilder MapSearchFeed(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/search/feed", [HttpMethods.Get, HttpMethods.Head], FeedAsync)
            .RequireRateLimiting(SearchRegistration.RateLimitPolicy)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(HttpContext context, ReaderSearch search, PublishedEditions editions, Reader.Localization.ReaderLocalizer text, CancellationToken cancellationToken)
    {
        var parsed = SearchRequest.Parse(context.Request.Query);
        if (string.IsNullOrWhiteSpace(parsed.Q))
        {
            return Results.Problem("A search feed needs a query: /search/feed?q=words.", statusCode: StatusCodes.Status400BadRequest, title: "No query");
        }

        var request = parsed with { Sort = SearchSort.Newest, Page = 1, PageSize = Entries };
        if (search.Run(request) is not { } result)
        {
            return Results.Problem("The search index is being rebuilt; try again in a minute.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search unavailable");
        }

        // An entry changes when its edition does; hits of one edition share the look-up.
        var seen = new Dictionary<(string, DateOnly, int), EditionView?>();
        var entries = new List<AtomEntry>();
        foreach (var hit in result.Hits)
        {
            var key = (hit.PublicationSlug, hit.Date, hit.EditionNumber);
            if (!seen.TryGetValue(key, out var edition))
            {
                edition = seen[key] = await editions.FindAsync(hit.PublicationSlug, hit.Date, hit.EditionNumber, cancellationToken);
            }

            if (edition is null)
            {
                continue;
            }

            var id = ReaderMeta.Absolute(context.Request, ReaderUrls.Article(hit.PublicationSlug, hit.Date, hit.PageLabel, hit.ArticleNumberOnPage, hit.EditionNumber));
            entries.Add(new AtomEntry(id, hit.Headline, AtomFeeds.Updated(edition), ReaderMeta.Absolute(context.Request, ReaderSearch.ArticleUrl(hit)))
            {
                Published = edition.Edition.PublishedAt,
                Author = hit.PublicationName,
                Summary = System.Net.WebUtility.HtmlDecode(Tags().Replace(hit.Snippet, "")),
                Html = hit.Snippet,
            });
        }

        var self = ReaderMeta.Absolute(context.Request, FeedUrls.Search(parsed.Q));
        var page = ReaderMeta.Absolute(context.Request, "/search?q=" + Uri.EscapeDataString(parsed.Q) + "&sort=newest");
        return AtomWriter.Result(new AtomFeed(self, $"{text["SiteTitle"]}: {parsed.Q}", self, page, Language: null, entries));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
