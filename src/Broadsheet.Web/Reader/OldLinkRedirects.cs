using Broadsheet.Core.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Web.Reader;

/// <summary>
/// The old e-paper site's addresses (<c>/html/2015-03/08/content_123.htm</c>), which <c>broadsheet migrate-site</c>
/// recorded, answered with a 301 to the permalink that shows the same page or article, so links to the paper's old
/// site keep working once its host name points here. Only what no other route takes comes here.
/// </summary>
internal static class OldLinkRedirects
{
    public static IEndpointRouteBuilder MapOldLinks(this IEndpointRouteBuilder app)
    {
        app.MapFallback("{**path}", RedirectAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> RedirectAsync(HttpContext context, IOldLinks links, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return TypedResults.NotFound();
        }

        var target = await links.FindAsync(request.Path.Value ?? "", cancellationToken);
        if (target is null)
        {
            return TypedResults.NotFound();
        }

        // A day in shared caches: a moved page stays moved, and a CDN need not ask again for every old link followed.
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Redirect(target, permanent: true);
    }
}
