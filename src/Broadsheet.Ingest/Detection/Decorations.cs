using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// What is drawn to dress text rather than to part the page: rules that underline a line (a byline ruled off under
/// it, a section head's underline) and images printed behind a headline (a tinted bar). Founder pages rule off every
/// byline across its column, and such a rule between a headline and the story's first column must not cut the column
/// from its headline; a bar behind a headline is neither a photo nor a wall.
/// </summary>
internal static class Decorations
{
    /// <summary>The rule lies at most this many ems of the line's type under it.</summary>
    private const double MaxGap = 0.8;

    /// <summary>The rules that separate something.</summary>
    public static IReadOnlyList<PageRule> Separators(IReadOnlyList<PageRule> rules, IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(lines);
        var column = ColumnWidth(lines);
        return [.. rules.Where(r => !IsUnderline(r, lines, column))];
    }

    /// <summary>How wide the page's columns of body text are: most full body lines are this wide.</summary>
    private static double ColumnWidth(IReadOnlyList<TextLine> lines)
    {
        var body = FontSizes.Of(lines).Body;
        var widths = lines.Where(l => Math.Abs(l.FontSize - body) <= 0.1 * body).Select(l => l.Box.Width).Order().ToArray();
        return widths.Length == 0 ? 0 : widths[(int)(0.8 * (widths.Length - 1))];
    }

    private static bool IsUnderline(PageRule rule, IReadOnlyList<TextLine> lines, double column)
    {
        if (!rule.IsHorizontal)
        {
            return false;
        }

        var box = rule.Box;
        return lines.Any(l =>
            box.CenterY >= l.Box.Bottom - (0.15 * l.FontSize)
            && box.CenterY - l.Box.Bottom <= Math.Min(MaxGap * l.FontSize, 12)
            && l.Box.Left >= box.Left - l.FontSize && l.Box.Right <= box.Right + l.FontSize
            && box.Width <= Math.Max(1.6 * l.Box.Width, 1.15 * column)
            && !lines.Any(o => !ReferenceEquals(o, l) && o.Box.Bottom <= box.CenterY + 0.5 && o.Box.Top >= l.Box.Top - 0.5
                && o.Box.HorizontalOverlap(box) > 0 && !(o.Box.Right <= l.Box.Right + 0.5 && o.Box.Left >= l.Box.Left - 0.5)
                && o.Box.VerticalOverlap(l.Box) > 0.5 * l.Box.Height));
    }

    /// <summary>The images that are pictures: not a bar printed behind a line of display type.</summary>
    public static IReadOnlyList<PageImage> Pictures(IReadOnlyList<PageImage> images, IReadOnlyList<TextLine> lines, FontSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(sizes);
        return [.. images.Where(i => !lines.Any(l => sizes.IsDisplay(l)
            && l.Box.IntersectionArea(i.Box) >= 0.6 * l.Box.Area
            && i.Box.Height <= 2.5 * l.Box.Height))];
    }
}
