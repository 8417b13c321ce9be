using Broadsheet.Web.Api;

namespace Broadsheet.Web.OpenData;

/// <summary>
/// Cross-origin access to the open data (the JSON API, IIIF, Atom feeds): readable from any site, answered before
/// anything else in the pipeline. Every answer carries <c>Access-Control-Allow-Origin: *</c> whether or not the
/// request named an origin, so a copy a CDN kept from a plain request still serves a viewer on another site. A
/// preflight (<c>OPTIONS</c>, sent by a browser before a cross-origin GET with <c>If-None-Match</c>, say) gets a
/// 204 here instead of the 405 the hardening gives other paths. Nothing here carries credentials: no cookie is
/// read by these endpoints, so <c>*</c> gives away nothing a plain request would not.
/// </summary>
internal static class OpenDataCors
{
    private const string Methods = "GET, HEAD, OPTIONS";

    /// <summary>Headers a script on another site may read: the validators and the rate limiter's wait.</summary>
    private const string Exposed = "ETag, Last-Modified, Retry-After, Content-Length";

    /// <summary>How long a browser may reuse a preflight's answer: a day (Chromium caps it at two hours).</summary>
    private const string MaxAge = "86400";

    public static WebApplication UseOpenDataCors(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            if (!IsOpen(request.Path))
            {
                return next(context);
            }

            var headers = context.Response.Headers;
            headers.AccessControlAllowOrigin = "*";
            headers.AccessControlExposeHeaders = Exposed;
            if (HttpMethods.IsOptions(request.Method))
            {
                headers.Allow = Methods;
                headers.AccessControlAllowMethods = Methods;
                // Any header a reading client asks to send is fine: none of them changes what it may read.
                if (request.Headers.AccessControlRequestHeaders.Count > 0)
                {
                    headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders;
                }

                headers.AccessControlMaxAge = MaxAge;
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            }

            if (request.Path.StartsWithSegments(ApiRegistration.Prefix, StringComparison.Ordinal)
                && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                headers.Allow = Methods;
                return ApiProblems.WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
                    $"The API is read-only: {request.Method} is not served here, only {Methods}.");
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The JSON API, IIIF, and the Atom feeds (a paper's, a page name's, its corrections', a search's).</summary>
    public static bool IsOpen(PathString path) =>
        path.StartsWithSegments(ApiRegistration.Prefix, StringComparison.Ordinal)
        || path.StartsWithSegments(Iiif.IiifUrls.Prefix, StringComparison.Ordinal)
        || path.StartsWithSegments("/search/feed", StringComparison.Ordinal)
        || (path.Value is { } value && value.EndsWith(".atom", StringComparison.Ordinal));
}
