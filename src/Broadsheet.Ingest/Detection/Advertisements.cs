using Broadsheet.Core.Model;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Advertisements are set in a ruled frame with a small "广告" tag inside its top edge. The frame is the
/// advertisement's region; its largest type is the headline and every other line a paragraph.
/// </summary>
internal static class Advertisements
{
    /// <summary>How far (points) a frame's sides may miss its corners and still close the frame.</summary>
    private const double CornerSlack = 3;

    public static bool IsTag(TextLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
        return text is "广告" or "Advertisement" or "ADVERTISEMENT";
    }

    /// <summary>The ruled frame the tag sits in, by the centre lines of its rules, or null when there is none.</summary>
    public static PageBox? FrameOf(TextLine tag, IReadOnlyList<PageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(rules);
        var em = tag.FontSize;
        var top = rules
            .Where(r => r.IsHorizontal
                && r.Box.Left <= tag.Box.Left && r.Box.Right >= tag.Box.Right
                && r.Box.Width >= 4 * tag.Box.Width
                && r.Box.CenterY <= tag.Box.Top + 0.5 && r.Box.CenterY >= tag.Box.Top - (3 * em))
            .OrderByDescending(r => r.Box.CenterY)
            .FirstOrDefault();
        if (top is null)
        {
            return null;
        }

        var y = top.Box.CenterY;
        var sides = rules
            .Where(r => !r.IsHorizontal && Math.Abs(r.Box.Top - top.Box.Top) <= CornerSlack
                && (Math.Abs(r.Box.CenterX - top.Box.Left) <= CornerSlack || Math.Abs(r.Box.CenterX - top.Box.Right) <= CornerSlack))
            .ToList();
        var left = sides.FirstOrDefault(r => Math.Abs(r.Box.CenterX - top.Box.Left) <= CornerSlack);
        var right = sides.FirstOrDefault(r => Math.Abs(r.Box.CenterX - top.Box.Right) <= CornerSlack);
        if (left is null || right is null)
        {
            return null;
        }

        var bottom = Math.Min(left.Box.Bottom, right.Box.Bottom);
        var closing = rules.FirstOrDefault(r => r.IsHorizontal && Math.Abs(r.Box.Bottom - bottom) <= CornerSlack && r.Box.Width >= 0.9 * top.Box.Width);
        return new PageBox(left.Box.CenterX, y, right.Box.CenterX, closing?.Box.CenterY ?? bottom - (left.Box.Width / 2));
    }

    public static DetectedArticle Build(PageBox frame, IReadOnlyList<TextLine> lines, IReadOnlyList<PageImage> images, PageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(layout);
        var ordered = lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
        var largest = ordered.Count > 0 ? ordered.Max(l => l.FontSize) : 0;
        var headline = ordered.Where(l => l.FontSize >= 0.9 * largest).ToList();
        return new DetectedArticle
        {
            Headline = headline.Count > 0 ? TitleBlock.JoinText(headline) : "广告",
            Kind = ArticleKind.Advertisement,
            Paragraphs = [.. ordered.Except(headline).Select(l => l.Text.Trim(' ')).Where(t => t.Length > 0)],
            Regions = [Normalise(frame, layout)],
            Parts = [frame],
            Images = [.. images.Select(i => new DetectedImage(Normalise(i.Box, layout), null, null))],
            Lines = [.. ordered.Select(l => new ArticleLine(headline.Contains(l) ? ArticleLineRole.Headline : ArticleLineRole.Body, l.Text.Trim(' '), Normalise(l.Box, layout)))],
            HeadlineBox = headline.Count > 0 ? PageBox.Bounding(headline.Select(l => l.Box)) : frame,
            HeadlineSize = largest,
        };
    }

    public static bool Inside(PageBox frame, PageBox box) =>
        box.CenterX >= frame.Left && box.CenterX <= frame.Right && box.CenterY >= frame.Top && box.CenterY <= frame.Bottom;

    private static Polygon Normalise(PageBox box, PageLayout layout) => Polygon.Rectangle(
        Math.Clamp(box.Left / layout.Width, 0, 1),
        Math.Clamp(box.Top / layout.Height, 0, 1),
        Math.Clamp(box.Right / layout.Width, 0, 1),
        Math.Clamp(box.Bottom / layout.Height, 0, 1));
}
