using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Search;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader;
using Broadsheet.Web.Search;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.OpenData.Feeds;

/// <summary>
/// <c>/search/feed?q=…</c>: the newest articles matching a search as an Atom feed, a reader's alert without an
/// account. The same query language and filters as <c>/search</c> but "this edition only" (see <see cref="Followable"/>),
/// rate-limited as it is.
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

    /// <summary>
    /// The part of a search a feed follows: all of it but "this edition only" (<c>edition=</c>). An edition's articles
    /// are printed once, so a feed of one edition would never have a new entry; a reader who searched within an
    /// edition and asks for the feed gets the same words in the whole paper (<c>pub=</c> stays), and the feed says so
    /// in its title and its self link.
    /// </summary>
    public static SearchRequest Followable(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with { Edition = null, EditionNumber = 1 };
    }

    /// <summary>
    /// The feed's title, on the feed and on the search page's link to it: the words (and the page name searched),
    /// and the paper when the search is of one paper.
    /// </summary>
    public static string Title(Reader.Localization.ReaderLocalizer text, SearchRequest request, string? publicationName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(request);
        var words = request.PageName is { } name ? $"{request.Q} · {name}" : request.Q ?? "";
        return publicationName is null ? text["SearchFeedTitle", words] : text["SearchFeedTitleIn", words, publicationName];
    }

    private static async Task<IResult> FeedAsync(
        HttpContext context, ReaderSearch search, PublishedEditions editions, Reader.Localization.ReaderLocalizer text, IOptions<ReaderCacheOptions> cache, CancellationToken cancellationToken)
    {
        var parsed = Followable(SearchRequest.Parse(context.Request.Query));
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

        // The self link (and so the feed's id) is the feed as followed, whatever else the URL carried.
        var self = ReaderMeta.Absolute(context.Request, FeedUrls.Search(parsed));
        var page = ReaderMeta.Absolute(context.Request, parsed.Url(page: 1, sort: SearchSort.Newest));
        var paper = parsed.Publication is { } slug ? await editions.FindPublicationAsync(slug, cancellationToken) : null;
        // Not the page cache's tags: a search's answer changes with the index, not with one paper's stamp.
        var seconds = cache.Value.ClientSeconds;
        context.Response.Headers.CacheControl = seconds > 0 ? "public, max-age=" + seconds.ToString(CultureInfo.InvariantCulture) : "no-cache";
        return AtomWriter.Result(context, new AtomFeed(self, Title(text, parsed, paper?.Name), self, page, Language: null, entries));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
