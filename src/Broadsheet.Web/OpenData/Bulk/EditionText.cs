using Broadsheet.Core.Model;
using Broadsheet.Web.Api;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.OpenData.Bulk;

/// <summary>
/// An edition's text for reuse: every article once, in the edition's reading order, with its printed fields, its
/// paragraphs and their kinds, its photos' captions, the pages it is printed on, and the paper's licence.
/// </summary>
internal sealed record EditionTextDto(
    PublicationDto Publication,
    string? Licence,
    DateOnly Date,
    int Number,
    int? IssueNumber,
    string ReaderUrl,
    string AltoUrl,
    IReadOnlyList<TextArticleDto> Articles);

/// <summary>An article of an edition's text; <c>pages</c> are the labels of the pages it is printed on, first the one it starts on.</summary>
internal sealed record TextArticleDto(
    int Order,
    ArticleKind Kind,
    string? Kicker,
    string Headline,
    string? Subheadline,
    string? Byline,
    IReadOnlyList<string> Pages,
    IReadOnlyList<BodyParagraphDto> Body,
    IReadOnlyList<TextPhotoDto> Photos,
    string? Correction,
    string ReaderUrl);

/// <summary>A photo of an article: the page it is printed on, its caption and credit, and its largest JPEG where there is one.</summary>
internal sealed record TextPhotoDto(string Page, string? Caption, string? Credit, string? Url);

internal static class EditionText
{
    public static EditionTextDto Of(EditionView view)
    {
        var labels = view.Pages.ToDictionary(p => p.Page.Id, p => p.Page.Label);
        var order = view.Pages.ToDictionary(p => p.Page.Id, p => p.Index);
        return new EditionTextDto(
            view.Publication.ToDto(),
            view.Publication.Licence,
            view.Date,
            view.Edition.Number,
            view.Edition.IssueNumber,
            view.FirstPage?.Url ?? view.Url,
            BulkUrls.Alto(view.Slug, view.Date, view.Edition.Number),
            [.. view.ReadingOrder.Select(item => Of(item, labels, order))]);
    }

    private static TextArticleDto Of(ArticleOnPage item, Dictionary<int, string> labels, Dictionary<int, int> order)
    {
        var article = item.Article;
        return new TextArticleDto(
            article.Order,
            article.Kind,
            article.Kicker,
            article.Headline,
            article.Subheadline,
            article.Byline,
            [.. article.Regions.Select(r => r.PageId).Distinct().Where(labels.ContainsKey).OrderBy(id => order[id]).Select(id => labels[id])],
            [.. article.Body.Select(BodyParagraphDto.Of)],
            [.. article.Images.Select(i => new TextPhotoDto(
                labels.GetValueOrDefault(i.PageId, ""), i.Caption, i.Credit, i.PhotoKey is { } key ? ReaderUrls.Media(key + "/large.jpg") : null))],
            article.CorrectionNote,
            item.Url);
    }
}
