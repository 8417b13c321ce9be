using System.Text.Encodings.Web;
using System.Text.Unicode;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.WebEncoders;

namespace Broadsheet.Web.Reader;

/// <summary>
/// The reader: <c>/</c>, <c>/{publication}</c> and <c>/{publication}/{date}</c> lead to a first page;
/// <c>/{publication}/{date}/{page}</c> shows a page (<c>{date}_{n}</c> in place of <c>{date}</c>: a day's later edition), <c>/{publication}/{date}/{page}-{page}</c> a spread,
/// <c>/{publication}/{date}/{page}/{n}</c> an article and <c>/{publication}/{yyyy}/{MM}</c> a month's calendar.
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
            options.SetParameterPolicy<EditionRouteConstraint>("edition");
            options.SetParameterPolicy<PageLabelRouteConstraint>("pagelabel");
            options.SetParameterPolicy<SpreadRouteConstraint>("spread");
            options.SetParameterPolicy<YearRouteConstraint>("year4");
            options.SetParameterPolicy<MonthRouteConstraint>("month2");
        });
        // Chinese text goes into the HTML as characters, not as &#x…; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddReaderLocalization();
        services.AddSingleton<ReaderLocalizer>();
        services.AddReaderCaching();
        services.AddSingleton<ReaderReports>();
        services.AddRazorPages(options => options.RootDirectory = "/Reader");
        return services;
    }

    public static IEndpointRouteBuilder MapBroadsheetReader(this IEndpointRouteBuilder app)
    {
        // HEAD is answered wherever GET is: link checkers and CDNs ask it.
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/{publication:slug}", read, ToLatestEditionAsync).ExcludeFromDescription();
        app.MapMethods("/{publication:slug}/{date:edition}", read, ToFirstPageAsync).ExcludeFromDescription();
        app.MapMethods("/{publication:slug}/calendar", read, ToMonth).ExcludeFromDescription();
        app.MapArticleCards();
        app.MapClipImages();
        app.MapEditionPdf();
        app.MapCorrectionsFeed();
        app.MapOffline();
        app.MapSitemaps();
        app.MapRazorPages();
        app.MapOldLinks();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ToLatestEditionAsync(
        string publication, PublishedEditions editions, CancellationToken cancellationToken)
    {
        var latest = await editions.LatestAsync(publication, date: null, cancellationToken);
        return latest?.FirstPageLabel is null
            ? TypedResults.NotFound()
            : TypedResults.Redirect(latest.Url);
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ToFirstPageAsync(
        string publication, string date, PublishedEditions editions, CancellationToken cancellationToken)
    {
        // A date alone leads to the day's first edition there is (its own URL says which); {date}_{n} to that one.
        var first = !EditionRouteConstraint.TryParse(date, out var day, out var number) ? null
            : number > 1 ? (await editions.FindAsync(publication, day, number, cancellationToken))?.FirstPage?.Url
            : await editions.LatestAsync(publication, day, cancellationToken) is { FirstPageLabel: not null } latest ? latest.Url : null;
        return first is null ? TypedResults.NotFound() : TypedResults.Redirect(first);
    }

    /// <summary>The month picker's form: <c>?year=2026&amp;month=11</c> goes to that month's calendar.</summary>
    private static Results<RedirectHttpResult, NotFound> ToMonth(string publication, int? year, int? month) =>
        year is >= 1000 and <= 9999 && month is >= 1 and <= 12
            ? TypedResults.Redirect(ReaderUrls.Calendar(publication, year.Value, month.Value))
            : TypedResults.NotFound();
}
