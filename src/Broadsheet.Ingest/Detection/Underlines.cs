using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Rules that underline a line of text (a byline ruled off under it, a section head's underline) belong to that line:
/// they separate nothing. Founder pages rule off every byline across its column, and such a rule between a headline
/// and the story's first column must not cut the column from its headline.
/// </summary>
internal static class Underlines
{
    /// <summary>The rule lies at most this many ems of the line's type under it.</summary>
    private const double MaxGap = 0.8;

    public static IReadOnlyList<PageRule> Remove(IReadOnlyList<PageRule> rules, IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(lines);
        return [.. rules.Where(r => !IsUnderline(r, lines))];
    }

    private static bool IsUnderline(PageRule rule, IReadOnlyList<TextLine> lines)
    {
        if (!rule.IsHorizontal)
        {
            return false;
        }

        var box = rule.Box;
        return lines.Any(l =>
            box.CenterY >= l.Box.Bottom - (0.15 * l.FontSize)
            && box.CenterY - l.Box.Bottom <= MaxGap * l.FontSize
            && l.Box.Left >= box.Left - l.FontSize && l.Box.Right <= box.Right + l.FontSize
            && l.Box.Width >= 0.3 * box.Width
            && !lines.Any(o => !ReferenceEquals(o, l) && o.Box.Bottom <= box.CenterY + 0.5 && o.Box.Top >= l.Box.Top - 0.5
                && o.Box.HorizontalOverlap(box) > 0 && !(o.Box.Right <= l.Box.Right + 0.5 && o.Box.Left >= l.Box.Left - 0.5)
                && o.Box.VerticalOverlap(l.Box) > 0.5 * l.Box.Height));
    }
}
