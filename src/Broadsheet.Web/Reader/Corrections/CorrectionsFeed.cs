using System.Globalization;
using Broadsheet.Web.Caching;
using Broadsheet.Web.OpenData.Feeds;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader.Localization;

namespace Broadsheet.Web.Reader;

/// <summary><c>/{publication}/corrections.atom</c>: the corrections page as an Atom feed, for readers' feed readers and other newsrooms.</summary>
internal static class CorrectionsFeed
{
    public static IEndpointRouteBuilder MapCorrectionsFeed(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{publication:slug}/corrections.atom", [HttpMethods.Get, HttpMethods.Head], FeedAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(
        string publication, HttpContext context, PublishedEditions editions, PublishedCorrections corrections, ReaderLocalizer text, CancellationToken cancellationToken)
    {
        if (await editions.FindPublicationAsync(publication, cancellationToken) is not { } paper)
        {
            return Results.NotFound();
        }

        ReaderCaching.TagPublication(context, publication);
        var list = await corrections.LatestAsync(publication, CorrectionsViewModel.Listed, cancellationToken);
        var self = ReaderMeta.Absolute(context.Request, ReaderUrls.CorrectionsFeed(publication));
        var page = ReaderMeta.Absolute(context.Request, ReaderUrls.Corrections(publication));
        var entries = list.Select(c =>
        {
            var url = ReaderMeta.Absolute(context.Request, c.Article.Url);
            return new AtomEntry(
                string.Create(CultureInfo.InvariantCulture, $"{url}#correction-{c.CorrectedAt.ToUnixTimeSeconds()}"),
                text["CorrectionEntryTitle", c.Article.Article.DisplayTitle],
                c.CorrectedAt,
                url)
            {
                Summary = text["CorrectionOf", text.LongDate(c.Edition.Date), text.PageTitle(c.Article.Page)],
                Html = c.Note,
            };
        }).ToList();
        return AtomWriter.Result(context, new AtomFeed(page, text["CorrectionsFeed", paper.Name], self, page, paper.Language, entries) { Author = paper.Name });
    }
}
