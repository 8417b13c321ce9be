using Broadsheet.Search;
using Broadsheet.Web.Published;
using Broadsheet.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadsheet.Web.Reader;

/// <summary><c>/search?q=…</c>: the results page, with facets to narrow by year, month, page and publication.</summary>
[EnableRateLimiting(SearchRegistration.RateLimitPolicy)]
internal sealed class SearchModel(ReaderSearch search, PublishedEditions editions) : PageModel
{
    /// <summary>The publication searched (<c>pub=</c>), for the masthead; null when every one is.</summary>
    public Core.Model.Publication? Publication { get; private set; }

    /// <summary>Its newest edition, whose date the masthead shows.</summary>
    public EditionListing? Latest { get; private set; }

    public SearchRequest Query { get; private set; } = new();

    /// <summary>Whether the day searched by "this edition" has more than one edition, so the scope names which.</summary>
    public bool ScopeDayHasSeveral { get; private set; }

    /// <summary>Null before anything was asked, or while the index cannot be used.</summary>
    public SearchResult? Result { get; private set; }

    public bool Unavailable { get; private set; }

    public int PageCount => Result is null ? 0 : (int)Math.Ceiling(Math.Min(Result.Total, 1000 * Query.PageSize) / (double)Query.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = SearchRequest.Parse(HttpContext.Request.Query);
        if (Query.Publication is { } slug && Core.Model.Publication.IsValidSlug(slug)
            && await editions.FindPublicationAsync(slug, cancellationToken) is { } publication)
        {
            Publication = publication;
            Latest = await editions.LatestAsync(slug, null, cancellationToken);
            if (Query.Edition is { } day)
            {
                var month = await editions.MonthAsync(slug, day.Year, day.Month, cancellationToken);
                ScopeDayHasSeveral = month.Editions.Count(e => e.Date == day) > 1 || Query.EditionNumber > 1;
            }
        }

        if (Query.IsEmpty)
        {
            return;
        }

        Result = search.Run(Query);
        if (Result is null)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
        }
    }
}
