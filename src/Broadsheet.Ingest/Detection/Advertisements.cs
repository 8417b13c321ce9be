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
        var text = line.Text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal)
            .Trim('（', '）', '(', ')', '【', '】', '[', ']', '〔', '〕');
        return text is "广告" or "廣告" or "Advertisement" or "ADVERTISEMENT" or "Anzeige" or "ANZEIGE" or "Pubblicità" or "PUBBLICITÀ"
            or "Publicité" or "PUBLICITÉ" or "Publicidad" or "PUBLICIDAD" or "Sponsored" or "SPONSORED";
    }

    /// <summary>
    /// The ruled frame the tag sits in, by the centre lines of its rules, or null when there is none: the nearest rule
    /// on each side of the tag, meeting at the corners. The tag may sit at the frame's top edge ("广告" over the
    /// advertisement) or anywhere inside it ("（广告）" in its bottom corner).
    /// </summary>
    public static PageBox? FrameOf(TextLine tag, IReadOnlyList<PageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(rules);
        var box = tag.Box;
        var em = tag.FontSize;
        // A frame's edge is several times the tag's width; a box drawn round the tag itself is not the frame.
        bool Edge(PageRule r) => r.IsHorizontal && r.Box.Left <= box.Left + 1 && r.Box.Right >= box.Right - 1 && r.Box.Width >= 4 * box.Width;
        var top = rules.Where(r => Edge(r) && r.Box.CenterY <= box.Bottom - (0.3 * em)).OrderByDescending(r => r.Box.CenterY).FirstOrDefault();
        var bottom = rules.Where(r => Edge(r) && r.Box.CenterY >= box.Bottom - 0.5).OrderBy(r => r.Box.CenterY).FirstOrDefault();
        if (top is null || bottom is null)
        {
            return null;
        }

        var (y0, y1) = (top.Box.CenterY, bottom.Box.CenterY);
        bool Spans(PageRule r) => r.Box.Top <= y0 + CornerSlack && r.Box.Bottom >= y1 - CornerSlack;
        var left = rules.Where(r => !r.IsHorizontal && r.Box.CenterX <= box.Left + 1 && Spans(r)).OrderByDescending(r => r.Box.CenterX).FirstOrDefault();
        var right = rules.Where(r => !r.IsHorizontal && r.Box.CenterX >= box.Right - 1 && Spans(r)).OrderBy(r => r.Box.CenterX).FirstOrDefault();
        if (left is null || right is null)
        {
            return null;
        }

        var (x0, x1) = (left.Box.CenterX, right.Box.CenterX);
        bool Closes(PageRule r) => r.Box.Left <= x0 + CornerSlack && r.Box.Right >= x1 - CornerSlack;
        return Closes(top) && Closes(bottom) && x1 - x0 >= 4 * box.Width ? new PageBox(x0, y0, x1, y1) : null;
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
            Paragraphs = Paragraphs([.. ordered.Except(headline).Where(l => l.Text.Trim(' ').Length > 0)]),
            Regions = [Normalise(frame, layout)],
            Parts = [frame],
            Images = [.. images.Select(i => new DetectedImage(Normalise(i.Box, layout), null, null))],
            Lines = [.. ordered.Select(l => new ArticleLine(headline.Contains(l) ? ArticleLineRole.Headline : ArticleLineRole.Body, l.Text.Trim(' '), Normalise(l.Box, layout)))],
            HeadlineBox = headline.Count > 0 ? PageBox.Bounding(headline.Select(l => l.Box)) : frame,
            HeadlineSize = largest,
        };
    }

    /// <summary>
    /// An advertisement's lines as paragraphs: a line runs on into the next when it is set the same (size, left edge),
    /// follows it closely and fills its measure, as the small print of an offer wraps; a short line (an address, a
    /// phone number, a slogan) ends its paragraph.
    /// </summary>
    private static List<string> Paragraphs(IReadOnlyList<TextLine> lines)
    {
        var paragraphs = new List<string>();
        TextLine? previous = null;
        foreach (var line in lines)
        {
            var text = line.Text.Trim(' ');
            var runsOn = previous is not null
                && Math.Abs(line.FontSize - previous.FontSize) <= 0.05 * previous.FontSize
                && Math.Abs(line.Box.Left - previous.Box.Left) <= previous.FontSize
                && line.Box.Top - previous.Box.Bottom <= 0.6 * previous.FontSize
                && previous.Box.Width >= 0.9 * lines.Where(l => Math.Abs(l.FontSize - previous.FontSize) <= 0.05 * previous.FontSize).Max(l => l.Box.Width);
            if (runsOn)
            {
                paragraphs[^1] = Text.Script.Join(paragraphs[^1], text);
            }
            else
            {
                paragraphs.Add(text);
            }

            previous = line;
        }

        return paragraphs;
    }

    public static bool Inside(PageBox frame, PageBox box) =>
        box.CenterX >= frame.Left && box.CenterX <= frame.Right && box.CenterY >= frame.Top && box.CenterY <= frame.Bottom;

    private static Polygon Normalise(PageBox box, PageLayout layout) => Polygon.Rectangle(
        Math.Clamp(box.Left / layout.Width, 0, 1),
        Math.Clamp(box.Top / layout.Height, 0, 1),
        Math.Clamp(box.Right / layout.Width, 0, 1),
        Math.Clamp(box.Bottom / layout.Height, 0, 1));
}
