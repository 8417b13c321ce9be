using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Finds title blocks: runs of display-size lines stacked one above the other. The largest type in a run
/// is the headline; smaller lines above it are the kicker, below it the subheadline. A body-size line
/// ending in "——" just above a headline is a kicker too, and one starting with "——" just below it a
/// subheadline, as papers set them that way.
/// </summary>
internal static class TitleFinder
{
    /// <summary>Lines within this many ems (of the larger) of each other vertically belong to one title.</summary>
    private const double StackGap = 0.9;

    /// <summary>Lines of a headline are at least this share of the largest size in the block.</summary>
    private const double HeadlineShare = 0.9;

    public static IReadOnlyList<TitleBlock> Find(IReadOnlyList<TextLine> lines, FontSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(sizes);
        // A byline set large ("di Michele Ainis") is still a byline, not a subheadline.
        var display = lines.Where(l => sizes.IsDisplay(l) && !Bylines.IsOwnLine(l.Text)).OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
        var groups = Stack(display, [.. lines.Where(l => !sizes.IsDisplay(l))]);
        var blocks = new List<TitleBlock>();
        var used = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups)
        {
            var largest = group.Max(l => l.FontSize);
            if (!sizes.IsHeadlineSize(largest))
            {
                continue;
            }

            var ordered = group.All(l => l.IsVertical)
                ? [.. group.OrderByDescending(l => l.FontSize >= HeadlineShare * largest).ThenBy(l => l.Box.Left)]
                : group.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
            var first = ordered.FindIndex(l => l.FontSize >= HeadlineShare * largest);
            var last = ordered.FindLastIndex(l => l.FontSize >= HeadlineShare * largest);
            var kicker = ordered[..first];
            var headline = ordered[first..(last + 1)];
            var subheadline = ordered[(last + 1)..];

            // A kicker set as large as the headline still ends in a dash, or is a word or two over a full line ("注意了").
            while (headline.Count > 1 && (EndsWithDash(headline[0].Text) || IsShortLead(headline[0], headline[1])))
            {
                kicker.Add(headline[0]);
                headline.RemoveAt(0);
            }

            // The subheadline is the lines under the headline in one style; a line in other type after them (a second
            // deck, a teaser) is the story's text.
            subheadline = [.. subheadline.TakeWhile(l => SameStyle(l, subheadline[0]))];

            var block = new TitleBlock(kicker, headline, subheadline);
            used.UnionWith(block.Lines);
            blocks.Add(block);
        }

        return Decks([.. blocks.Select(b => AttachDashLines(b, lines, used))], lines, sizes);
    }

    /// <summary>
    /// Folds a small head set inside a larger title's story into that title as its deck: it lies within the larger
    /// headline's width, below it and near it, the story under the larger headline has no subheadline, and the text
    /// under the small head does not open a story of its own (no byline, no dateline). "Senate Power Rides on Two
    /// Runoffs" at the top of the second column under "Biden Has Plans, but Georgia Will Have Its Say".
    /// </summary>
    private static List<TitleBlock> Decks(List<TitleBlock> blocks, IReadOnlyList<TextLine> lines, FontSizes sizes)
    {
        var result = blocks.ToList();
        foreach (var deck in blocks.Where(b => b.Kicker.Count == 0 && !b.IsVertical).OrderBy(b => b.Box.Top))
        {
            var box = deck.Box;
            var owner = result.Where(t => !ReferenceEquals(t, deck) && !t.IsVertical && t.Subheadline.Count == 0 && t.Inset.Count == 0
                    && deck.HeadlineSize <= 0.75 * t.HeadlineSize
                    && box.Left >= t.HeadlineBox.Left - sizes.Body && box.Right <= t.HeadlineBox.Right + sizes.Body
                    && box.Top > t.Box.Bottom && box.Top - t.Box.Bottom <= 12 * sizes.Body)
                .OrderByDescending(t => t.Box.Bottom)
                .FirstOrDefault();
            if (owner is null || !result.Contains(deck)
                || result.Any(o => !ReferenceEquals(o, owner) && !ReferenceEquals(o, deck) && o.Box.Top >= owner.Box.Bottom && o.Box.Bottom <= box.Top
                    && o.Box.HorizontalOverlap(box) > 0))
            {
                continue;
            }

            var under = lines.Where(l => l.Box.Top >= box.Bottom - 1 && l.Box.Top - box.Bottom <= 3 * sizes.Body && l.Box.HorizontalOverlap(box) > 0)
                .OrderBy(l => l.Box.Top)
                .FirstOrDefault();
            if (under is null || Bylines.StartsStory(under.Text) || sizes.IsDisplay(under))
            {
                continue;
            }

            result[result.IndexOf(owner)] = owner with { Inset = [.. deck.Lines] };
            result.Remove(deck);
        }

        return result;
    }

    private static List<List<TextLine>> Stack(List<TextLine> display, List<TextLine> text)
    {
        var parent = Enumerable.Range(0, display.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < display.Count; i++)
        {
            for (var j = i + 1; j < display.Count; j++)
            {
                if (AreStacked(display[i], display[j]) && !TextBetween(display[i], display[j], text))
                {
                    parent[Root(j)] = Root(i);
                }
            }
        }

        return [.. Enumerable.Range(0, display.Count).GroupBy(Root).Select(g => g.Select(i => display[i]).ToList())];
    }

    private static bool AreStacked(TextLine a, TextLine b)
    {
        if (a.IsVertical || b.IsVertical)
        {
            // Vertical title lines stand side by side: a vertical headline with its subheadline beside it.
            var (leftLine, rightLine) = a.Box.Left <= b.Box.Left ? (a, b) : (b, a);
            var apart = rightLine.Box.Left - leftLine.Box.Right;
            return a.IsVertical && b.IsVertical && apart <= StackGap * Math.Max(a.FontSize, b.FontSize)
                && a.Box.VerticalOverlap(b.Box) >= 0.3 * Math.Min(a.Box.Height, b.Box.Height);
        }

        var (upper, lower) = a.Box.Top <= b.Box.Top ? (a, b) : (b, a);
        var gap = lower.Box.Top - upper.Box.Bottom;
        var size = Math.Max(a.FontSize, b.FontSize);
        var narrower = Math.Min(a.Box.Width, b.Box.Width);
        if (a.Box.VerticalOverlap(b.Box) > 0.5 * Math.Min(a.Box.Height, b.Box.Height))
        {
            // Side by side: two headlines of neighbouring stories, not one.
            return false;
        }

        return gap <= StackGap * size && a.Box.HorizontalOverlap(b.Box) >= 0.3 * narrower;
    }

    /// <summary>
    /// Whether smaller type lies level with the gap between two display lines, under either of them: then the lower
    /// one heads another story that starts beside the first one's text (a second headline set lower, to the right of a
    /// lead story's byline), not its subheadline.
    /// </summary>
    private static bool TextBetween(TextLine a, TextLine b, List<TextLine> text)
    {
        var (upper, lower) = a.Box.Top <= b.Box.Top ? (a, b) : (b, a);
        var left = Math.Min(upper.Box.Left, lower.Box.Left);
        var right = Math.Max(upper.Box.Right, lower.Box.Right);
        return text.Any(l => l.Box.CenterY > upper.Box.Bottom && l.Box.CenterY < lower.Box.Top
            && l.Box.Right > left && l.Box.Left < right);
    }

    private static TitleBlock AttachDashLines(TitleBlock block, IReadOnlyList<TextLine> lines, HashSet<TextLine> used)
    {
        var box = block.Box;
        var reach = StackGap * block.HeadlineSize;
        var kicker = block.Kicker.ToList();
        var subheadline = block.Subheadline.ToList();
        var above = lines
            .Where(l => !used.Contains(l) && l.Box.Bottom <= box.Top + 1 && box.Top - l.Box.Bottom <= reach && l.Box.HorizontalOverlap(box) > 0)
            .OrderByDescending(l => l.Box.Bottom)
            .FirstOrDefault();
        if (above is not null && (EndsWithDash(above.Text) || IsStandingKicker(above, block, lines)))
        {
            kicker.Insert(0, above);
            used.Add(above);
        }

        var below = lines
            .Where(l => !used.Contains(l) && l.Box.Top >= box.Bottom - 1 && l.Box.Top - box.Bottom <= reach && l.Box.HorizontalOverlap(box) > 0)
            .OrderBy(l => l.Box.Top)
            .FirstOrDefault();
        if (below is not null && StartsWithDash(below.Text))
        {
            subheadline.Add(below);
            used.Add(below);
        }

        return block with { Kicker = kicker, Subheadline = subheadline };
    }

    /// <summary>
    /// A short line set apart just above a headline, centred over it or flush with its left edge, in capitals or bold
    /// ("GIUSTIZIA", "GP DI AUSTIN", "THE VIEW FROM ROME"): the story's kicker, however small its type.
    /// </summary>
    private static bool IsStandingKicker(TextLine line, TitleBlock block, IReadOnlyList<TextLine> lines)
    {
        var head = block.HeadlineBox;
        var text = line.Text.Trim();
        var letters = text.Where(char.IsLetter).ToList();
        var marked = (letters.Count > 0 && letters.All(c => !char.IsLower(c))) || line.IsBold;
        var placed = Math.Abs(line.Box.CenterX - head.CenterX) <= 0.05 * head.Width || Math.Abs(line.Box.Left - head.Left) <= 0.5 * line.FontSize;
        var alone = !lines.Any(l => !ReferenceEquals(l, line) && l.Box.Bottom <= line.Box.Top + 0.5
            && line.Box.Top - l.Box.Bottom <= 1.2 * line.FontSize && l.Box.HorizontalOverlap(line.Box) > 0);
        return !block.IsVertical && marked && placed && alone && line.Box.Width <= 0.6 * head.Width && text.Length <= 40
            && !text.EndsWith('.') && !text.EndsWith('。');
    }

    /// <summary>A first line of at most four characters over a line three times its width: a lead-in, not half the headline.</summary>
    private static bool IsShortLead(TextLine first, TextLine second) =>
        !first.IsVertical && first.Text.Trim().Length <= 4 && first.Box.Width * 3 <= second.Box.Width
        && first.Text.Trim().EnumerateRunes().All(r => Script.IsCjk(r.Value));

    private static bool SameStyle(TextLine a, TextLine b) =>
        Math.Abs(a.FontSize - b.FontSize) <= 0.1 * Math.Max(a.FontSize, b.FontSize) && a.IsBold == b.IsBold;

    public static bool EndsWithDash(string text)
    {
        var t = text.TrimEnd();
        return t.EndsWith("——", StringComparison.Ordinal) || t.EndsWith("──", StringComparison.Ordinal) || t.EndsWith("--", StringComparison.Ordinal);
    }

    public static bool StartsWithDash(string text)
    {
        var t = text.TrimStart();
        return t.StartsWith('—') || t.StartsWith('─') || t.StartsWith("--", StringComparison.Ordinal);
    }
}
