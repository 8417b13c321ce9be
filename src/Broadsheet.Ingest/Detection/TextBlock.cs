using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// A piece of one column: lines stacked one under the other with no more than a line's gap between them
/// and no rule, title or photo in between; or a photo, which takes up column space the same way.
/// Articles are assembled from these rather than from single lines.
/// </summary>
internal sealed class TextBlock
{
    private TextBlock(IReadOnlyList<TextLine> lines, PageImage? image, PageBox box)
    {
        Lines = lines;
        Image = image;
        Box = box;
    }

    public IReadOnlyList<TextLine> Lines { get; }

    /// <summary>The photo this block stands for, when it is one.</summary>
    public PageImage? Image { get; }

    public PageBox Box { get; }

    /// <summary>Where the block's first lines start: a column that widens lower down (under a vertical title) starts here.</summary>
    public double TopLeft => Lines.Count == 0 ? Box.Left : Lines.Take(3).Min(l => l.Box.Left);

    public static TextBlock OfImage(PageImage image, PageBox boxWithCaption) => new([], image, boxWithCaption);

    /// <summary>Chains each line to the nearest line under it in the same column, unless something separates them.</summary>
    public static List<TextBlock> Build(IReadOnlyList<TextLine> lines, IReadOnlyList<PageBox> separators, IReadOnlyList<PageRule> rules, FontSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var ordered = lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
        var parent = Enumerable.Range(0, ordered.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        var maxGap = 1.0 * sizes.Body;
        for (var i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i].Box;
            for (var j = i + 1; j < ordered.Count; j++)
            {
                var b = ordered[j].Box;
                if (b.Top - a.Bottom > maxGap)
                {
                    break;
                }

                // Same column: mostly overlapping, or starting at the same edge give or take a paragraph indent
                // (a short byline line above an indented first line hardly overlaps it; a paragraph's last line of
                // two characters ends where the next paragraph's indented first line begins).
                var overlap = a.HorizontalOverlap(b);
                var sameColumn = (overlap > 0 && overlap >= 0.5 * Math.Min(a.Width, b.Width)) || Math.Abs(a.Left - b.Left) <= 2.2 * sizes.Body;
                if (b.Top < a.Bottom - (0.3 * sizes.Body) || !sameColumn)
                {
                    continue;
                }

                var between = new PageBox(Math.Max(a.Left, b.Left), a.Bottom, Math.Min(a.Right, b.Right), b.Top);
                if (!separators.Any(s => Crosses(s, between)) && !rules.Any(r => r.IsHorizontal && Crosses(r.Box, between)))
                {
                    parent[Root(j)] = Root(i);
                }

                // Only the nearest line below in the column links; lines further down link through it.
                break;
            }
        }

        return [.. Enumerable.Range(0, ordered.Count)
            .GroupBy(Root)
            .Select(g => g.Select(i => ordered[i]).ToList())
            .Select(g => new TextBlock(g, null, PageBox.Bounding(g.Select(l => l.Box))))];
    }

    /// <summary>Whether <paramref name="separator"/> lies across the gap <paramref name="gap"/> between two lines.</summary>
    private static bool Crosses(PageBox separator, PageBox gap) =>
        separator.HorizontalOverlap(gap) > 0 && separator.CenterY >= gap.Top - 0.5 && separator.CenterY <= gap.Bottom + 0.5;
}
