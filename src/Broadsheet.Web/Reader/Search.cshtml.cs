using Broadsheet.Search;
using Broadsheet.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadsheet.Web.Reader;

/// <summary><c>/search?q=…</c>: the results page, with facets to narrow by year, month, page and publication.</summary>
[EnableRateLimiting(SearchRegistration.RateLimitPolicy)]
internal sealed class SearchModel(ReaderSearch search) : PageModel
{
    public SearchRequest Query { get; private set; } = new();

    /// <summary>Null before anything was asked, or while the index cannot be used.</summary>
    public SearchResult? Result { get; private set; }

    public bool Unavailable { get; private set; }

    public int PageCount => Result is null ? 0 : (int)Math.Ceiling(Math.Min(Result.Total, 1000 * Query.PageSize) / (double)Query.PageSize);

    public void OnGet()
    {
        Query = SearchRequest.Parse(HttpContext.Request.Query);
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
