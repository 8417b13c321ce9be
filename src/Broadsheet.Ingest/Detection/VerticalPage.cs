using Broadsheet.Core.Model;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// A page set top to bottom (竖排: columns read right to left, each top to bottom, as Japanese gazettes and many
/// Taiwanese and Hong Kong pages are) is detected turned a quarter: seen with its right edge on top, each vertical
/// column is a line read left to right and the columns follow each other down the page, a title that stands right of
/// its story stands above it, and the horizontal detector applies unchanged. What it finds is turned back.
/// </summary>
internal static class VerticalPage
{
    /// <summary>A page is vertical when at least this share of its characters are in vertical lines.</summary>
    private const double Share = 0.6;

    public static bool IsVertical(PageLayout layout)
    {
        var all = layout.Lines.Sum(l => l.Text.Length);
        return all > 0 && layout.Lines.Where(l => l.IsVertical).Sum(l => l.Text.Length) >= Share * all;
    }

    /// <summary>The page turned: (x, y) becomes (y, width - x).</summary>
    public static PageLayout Turn(PageLayout layout) => new(layout.Height, layout.Width, [.. layout.Lines.Select(l => Turn(l, layout.Width))])
    {
        Images = [.. layout.Images.Select(i => new PageImage(Turn(i.Box, layout.Width)))],
        Rules = [.. layout.Rules.Select(r => new PageRule(Turn(r.Box, layout.Width)))],
        Panels = [.. layout.Panels.Select(p => p with { Box = Turn(p.Box, layout.Width) })],
        IsUnreadable = layout.IsUnreadable,
    };

    /// <summary>An article found on the turned page, placed back on the page as printed (<paramref name="width"/> of the page as printed).</summary>
    public static DetectedArticle TurnBack(DetectedArticle article, double width) => article with
    {
        Regions = [.. article.Regions.Select(TurnBack)],
        Images = [.. article.Images.Select(i => i with { Polygon = TurnBack(i.Polygon) })],
        Lines = [.. article.Lines.Select(l => l with { Box = TurnBack(l.Box) })],
        HeadlineBox = TurnBack(article.HeadlineBox, width),
        Parts = [.. article.Parts.Select(p => TurnBack(p, width))],
    };

    private static TextLine Turn(TextLine line, double width)
    {
        var box = Turn(line.Box, width);
        return line with
        {
            Box = box,
            IsVertical = !line.IsVertical,
            // A turned vertical line sits on its baseline like any other; a turned horizontal one ends at its last character.
            Baseline = line.IsVertical ? box.Bottom - (0.12 * line.FontSize) : box.Bottom,
        };
    }

    private static PageBox Turn(PageBox box, double width) => new(box.Top, width - box.Right, box.Bottom, width - box.Left);

    private static PageBox TurnBack(PageBox box, double width) => new(width - box.Bottom, box.Left, width - box.Top, box.Right);

    private static Polygon TurnBack(Polygon polygon) =>
        new(polygon.Points.Select(p => new NormalisedPoint(Math.Clamp(1 - p.Y, 0, 1), Math.Clamp(p.X, 0, 1))));
}
