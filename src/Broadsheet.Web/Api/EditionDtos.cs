using Broadsheet.Core.Model;

namespace Broadsheet.Web.Api;

internal sealed record PublicationDto(string Slug, string Name, string Language, string TimeZone);

internal sealed record EditionSummaryDto(DateOnly Date, int Number, int? IssueNumber, string Url);

internal sealed record EditionListDto(PublicationDto Publication, IReadOnlyList<EditionSummaryDto> Editions);

internal sealed record EditionDto(
    PublicationDto Publication,
    DateOnly Date,
    int Number,
    int? IssueNumber,
    DateTimeOffset? PublishedAt,
    string ReaderUrl,
    IReadOnlyList<PageDto> Pages);

internal sealed record PageDto(
    string Label,
    string Name,
    int Order,
    string? Section,
    double WidthPt,
    double HeightPt,
    string? ImageUrl,
    int ImageWidth,
    int ImageHeight,
    string? PdfUrl,
    string ReaderUrl,
    IReadOnlyList<ArticleDto> Articles);

/// <summary>
/// An article as listed under one page; <c>n</c> is its number on that page, as in the reader's URL. <c>paragraphs</c>
/// are the texts alone, as before paragraphs had kinds; <c>body</c> is the same paragraphs with their kinds.
/// </summary>
internal sealed record ArticleDto(
    int N,
    int Order,
    ArticleKind Kind,
    string? Kicker,
    string Headline,
    string? Subheadline,
    string? Byline,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<BodyParagraphDto> Body,
    IReadOnlyList<ImageDto> Images,
    IReadOnlyList<RegionDto> Regions,
    string ReaderUrl);

/// <summary>
/// A photo of an article; the polygon is where it is printed on its page, as [x, y] pairs in 0..1. <c>url</c> is
/// the photo's own largest JPEG (width x height pixels), null for photos imported before they had one.
/// </summary>
internal sealed record ImageDto(string Page, string? Caption, string? Credit, IReadOnlyList<double[]> Polygon, string? Url, int Width, int Height);

/// <summary>
/// A paragraph with its place in the printed hierarchy: <c>kind</c> is body, subhead (小标题), caption or credit;
/// <c>lead</c> is a body paragraph's run-in title (the first characters of <c>text</c>, printed bold), or null.
/// </summary>
internal sealed record BodyParagraphDto(ParagraphKind Kind, string Text, string? Lead)
{
    public static BodyParagraphDto Of(Paragraph paragraph) => new(paragraph.Kind, paragraph.Text, paragraph.LeadText);
}

/// <summary>A region of an article on a page, as [x, y] pairs normalised to 0..1 from the page's top-left corner.</summary>
internal sealed record RegionDto(string Page, IReadOnlyList<double[]> Points);
