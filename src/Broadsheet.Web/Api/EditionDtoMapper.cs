using Broadsheet.Core.Model;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Api;

internal static class EditionDtoMapper
{
    public static PublicationDto ToDto(this Publication publication) =>
        new(publication.Slug, publication.Name, publication.Language, publication.TimeZoneId);

    public static EditionDto ToDto(this EditionView view)
    {
        var labels = view.Pages.ToDictionary(p => p.Page.Id, p => p.Page.Label);
        return new EditionDto(
            view.Publication.ToDto(),
            view.Date,
            view.Edition.Number,
            view.Edition.IssueNumber,
            view.Edition.PublishedAt,
            view.FirstPage?.Url ?? view.Url,
            [.. view.Pages.Select(p => ToDto(p, labels))]);
    }

    private static PageDto ToDto(PageView view, Dictionary<int, string> labels)
    {
        var page = view.Page;
        return new PageDto(
            page.Label,
            page.Name,
            page.Order,
            page.Section,
            page.WidthPt,
            page.HeightPt,
            view.ImageUrl,
            page.ImageWidth,
            page.ImageHeight,
            view.PdfUrl,
            view.Url,
            [.. view.Articles.Select(a => ToDto(a, labels))]);
    }

    private static ArticleDto ToDto(ArticleOnPage item, Dictionary<int, string> labels)
    {
        var article = item.Article;
        return new ArticleDto(
            item.N,
            article.Order,
            article.Kind,
            article.Kicker,
            article.Headline,
            article.Subheadline,
            article.Byline,
            article.Paragraphs,
            [.. article.Body.Select(BodyParagraphDto.Of)],
            [.. article.Images.Select(i => new ImageDto(
                labels.GetValueOrDefault(i.PageId, ""), i.Caption, i.Credit, Points(i.Polygon),
                i.PhotoKey is { } key ? ReaderUrls.Media(key + "/large.jpg") : null, i.PhotoWidth, i.PhotoHeight))],
            [.. article.Regions.Select(r => new RegionDto(labels.GetValueOrDefault(r.PageId, ""), Points(r.Polygon)))],
            item.Url);
    }

    private static double[][] Points(Polygon polygon) =>
        [.. polygon.Points.Select(p => new[] { Math.Round(p.X, 5), Math.Round(p.Y, 5) })];
}
