using System.Globalization;
using System.Threading.RateLimiting;
using Broadsheet.Core;
using Broadsheet.Search;
using Broadsheet.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadsheet.Web.Search;

/// <summary>Search in the web app: the index and its sync service, the results page's and the API's rate limit, and <c>GET /api/v1/search</c>.</summary>
internal static class SearchRegistration
{
    /// <summary>The rate-limit policy of the results page and the search API.</summary>
    public const string RateLimitPolicy = "search";

    public static IServiceCollection AddBroadsheetSearchWeb(this IServiceCollection services, DataFolder folder, SearchRateLimit limit)
    {
        services.AddBroadsheetSearch(folder.IndexPath);
        services.AddSingleton<ReaderSearch>();
        services.AddSingleton<PageHitMarker>();
        services.AddSingleton<SearchNudge>();
        services.AddHostedService<SearchSyncService>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Each client (by address) gets a bucket: a burst of searches, then a steady rate.
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limit.Burst,
                    TokensPerPeriod = limit.PerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                // The API answers in JSON like its other errors; the results page keeps the HTML error page.
                if (http.Request.Path.StartsWithSegments(ApiRegistration.Prefix, StringComparison.Ordinal))
                {
                    await Results.Problem(
                        detail: "Too many searches from this address; wait a minute (see the Retry-After header).",
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many requests").ExecuteAsync(http);
                }
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods(ApiRegistration.Prefix + "/v1/search", [HttpMethods.Get, HttpMethods.Head], Results<Ok<SearchResponse>, ProblemHttpResult> (HttpContext context, ReaderSearch search) =>
            {
                var request = SearchRequest.Parse(context.Request.Query);
                if (search.Run(request) is not { } result)
                {
                    return TypedResults.Problem("The search index is being rebuilt; try again in a minute.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search unavailable");
                }

                return TypedResults.Ok(new SearchResponse(
                    request.Q,
                    result.Approximate,
                    result.Total,
                    request.Page,
                    request.PageSize,
                    [.. result.Hits.Select(h => new SearchHitDto(
                        h.Headline,
                        h.Kind,
                        h.PublicationSlug,
                        h.PublicationName,
                        h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        h.EditionNumber,
                        h.PageLabel,
                        h.PageName,
                        ReaderSearch.ArticleUrl(h),
                        ReaderSearch.PageUrl(h),
                        h.Snippet,
                        h.MatchedForms))],
                    result.Facets));
            })
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("Search")
            .WithTags("Search")
            .WithConditionalGet()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}

/// <summary>How many searches one client may make: <see cref="Burst"/> at once, then <see cref="PerMinute"/> a minute.</summary>
internal sealed record SearchRateLimit(int Burst, int PerMinute);

/// <param name="Approximate">No article has the words as typed; these have near spellings of them.</param>
internal sealed record SearchResponse(string? Query, bool Approximate, int Total, int Page, int PageSize, IReadOnlyList<SearchHitDto> Hits, SearchFacets? Facets);

/// <param name="Number">Which of the day's editions: 1, or 2 for a second (an extra), whose reader URLs say <c>{date}_2</c>.</param>
/// <param name="Snippet">HTML: escaped text with &lt;mark&gt; around matched words.</param>
internal sealed record SearchHitDto(
    string Headline,
    Core.Model.ArticleKind Kind,
    string Publication,
    string PublicationName,
    string Date,
    int Number,
    string PageLabel,
    string PageName,
    string Url,
    string PageUrl,
    string Snippet,
    IReadOnlyList<string> Matched);
