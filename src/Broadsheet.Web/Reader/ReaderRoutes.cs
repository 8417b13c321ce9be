using System.Text.Encodings.Web;
using System.Text.Unicode;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.WebEncoders;

namespace Broadsheet.Web.Reader;

/// <summary>
/// The reader: <c>/</c>, <c>/{publication}</c> and <c>/{publication}/{date}</c> lead to a first page;
/// <c>/{publication}/{date}/{page}</c> shows a page and <c>/{publication}/{date}/{page}/{n}</c> an article.
/// </summary>
internal static class ReaderRoutes
{
    public const string NotFound = "/not-found";

    public static IServiceCollection AddBroadsheetReader(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(options =>
        {
            options.SetParameterPolicy<SlugRouteConstraint>("slug");
            options.SetParameterPolicy<IsoDateRouteConstraint>("isodate");
            options.SetParameterPolicy<PageLabelRouteConstraint>("pagelabel");
        });
        // Chinese text goes into the HTML as characters, not as &#x…; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options => options.RootDirectory = "/Reader");
        return services;
    }

    public static IEndpointRouteBuilder MapBroadsheetReader(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{publication:slug}", ToLatestEditionAsync).ExcludeFromDescription();
        app.MapGet("/{publication:slug}/{date:isodate}", ToFirstPageAsync).ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ToLatestEditionAsync(
        string publication, PublishedEditions editions, CancellationToken cancellationToken)
    {
        var latest = await editions.LatestAsync(publication, date: null, cancellationToken);
        return latest?.FirstPageLabel is null
            ? TypedResults.NotFound()
            : TypedResults.Redirect(ReaderUrls.Page(latest.Slug, latest.Date, latest.FirstPageLabel));
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ToFirstPageAsync(
        string publication, string date, PublishedEditions editions, CancellationToken cancellationToken)
    {
        var edition = IsoDateRouteConstraint.TryParse(date, out var day)
            ? await editions.LatestAsync(publication, day, cancellationToken)
            : null;
        return edition?.FirstPageLabel is null
            ? TypedResults.NotFound()
            : TypedResults.Redirect(ReaderUrls.Page(edition.Slug, edition.Date, edition.FirstPageLabel));
    }
}
