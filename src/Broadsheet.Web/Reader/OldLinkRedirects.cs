using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Web.Reader;

/// <summary>
/// The old e-paper site's addresses (<c>/html/2015-03/08/content_123.htm</c>), which <c>broadsheet migrate-site</c>
/// recorded, answered with a 301 to the permalink that shows the same page or article, so links to the paper's old
/// site keep working once its host name points here; the old site's page PDFs and page images, with a 301 to that page's
/// PDF and image as they are now. Only what no other route takes comes here.
/// </summary>
internal static class OldLinkRedirects
{
    public static IEndpointRouteBuilder MapOldLinks(this IEndpointRouteBuilder app)
    {
        // A RequestDelegate, not RedirectAsync itself: the request delegate generator drops MapFallback's pattern
        // (dotnet/aspnetcore#65992) and would narrow this route to {*path:nonfile}, losing the old site's .htm, .pdf
        // and .jpg addresses.
        app.MapFallback("{**path}", static async context =>
        {
            var services = context.RequestServices;
            var answer = await RedirectAsync(
                context, services.GetRequiredService<IOldLinks>(), services.GetRequiredService<PublishedEditions>(), context.RequestAborted);
            await answer.ExecuteAsync(context);
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> RedirectAsync(HttpContext context, IOldLinks links, PublishedEditions editions, CancellationToken cancellationToken)
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

        if (OldLink.IsPageFile(target, out var page, out var pdf))
        {
            target = await PageFileAsync(editions, page, pdf, cancellationToken) ?? page;
        }

        // A day in shared caches: a moved page stays moved, and a CDN need not ask again for every old link followed.
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Redirect(target, permanent: true);
    }

    /// <summary>The page's PDF or image as the reader links to it now; null when the page (or that file) is not there to read.</summary>
    private static async Task<string?> PageFileAsync(PublishedEditions editions, string page, bool pdf, CancellationToken cancellationToken)
    {
        var parts = page.Split('/'); // "", slug, date, label
        if (!EditionRouteConstraint.TryParse(parts[2], out var day, out var number)
            || await editions.FindAsync(parts[1], day, number, cancellationToken) is not { } edition
            || edition.FindPage(parts[3]) is not { } found)
        {
            return null;
        }

        return pdf ? found.PdfUrl : found.ImageUrl;
    }
}
