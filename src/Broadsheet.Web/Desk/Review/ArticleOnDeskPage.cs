using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Desk.Review;

/// <summary>
/// An article as it sits on one page, for the article editor's picture of it: the page image, the article's
/// regions, the printed lines it holds (the text blocks it came from) and its photos, all in one coordinate
/// system (the page <see cref="Width"/> wide and <see cref="Height"/> high) so an SVG can draw and crop them.
/// </summary>
internal sealed record ArticleOnDeskPage(Page Page, IReadOnlyList<Polygon> Regions, IReadOnlyList<Box> Lines, IReadOnlyList<ArticleImage> Photos)
{
    public const double Width = 1000;

    public double Height => Page.WidthPt > 0 ? Width * Page.HeightPt / Page.WidthPt : Width * 1.414;

    public string? Image => Page.DerivativesKey is { Length: > 0 } key ? Published.ReaderUrls.Media(key + "/page.jpg") : Published.ReaderUrls.Media(Page.ImageKey);

    public static ArticleOnDeskPage Of(PageAnalysis page, Article article)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new ArticleOnDeskPage(
            page.Page,
            [.. page.RegionsOf(article)],
            [.. page.LinesOf(article).Select(i => Box.Of(page.Text.Lines[i]))],
            [.. article.Images.Where(i => ReferenceEquals(i.Page, page.Page) || (i.PageId != 0 && i.PageId == page.Page.Id)).OrderBy(i => i.Id)]);
    }

    /// <summary>A polygon as SVG points in this picture's coordinates.</summary>
    public string Points(Polygon polygon) =>
        string.Join(' ', polygon.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X * Width:0.#},{p.Y * Height:0.#}")));

    /// <summary>A box's left, top, width and height in this picture's coordinates, as SVG attribute values.</summary>
    public (string X, string Y, string W, string H) Rect(Box box) =>
        (Num(box.Left * Width), Num(box.Top * Height), Num(box.Width * Width), Num(box.Height * Height));

    private static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The SVG view box of a photo's crop (a little room around it).</summary>
    public string Crop(ArticleImage photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var b = Box.Of(photo.Polygon);
        return string.Create(CultureInfo.InvariantCulture, $"{b.Left * Width:0.#} {b.Top * Height:0.#} {Math.Max(1, b.Width * Width):0.#} {Math.Max(1, b.Height * Height):0.#}");
    }

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width:0} {Height:0.#}");

    public string HeightText => Height.ToString("0.#", CultureInfo.InvariantCulture);
}
