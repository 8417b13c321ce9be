namespace Broadsheet.Samples.Layout;

internal enum SlotKind
{
    Story,
    Briefs,
    PhotoNews,
    Advertisement,
}

// The place of one article on the grid: a run of columns from a common top, each with its own bottom. Equal
// bottoms make a rectangle; a shorter group of columns makes the L of an article wrapped around another.
internal sealed class Slot(SlotKind kind, int first, int count, double top, double bottom)
{
    public SlotKind Kind { get; set; } = kind;

    public int First { get; } = first;

    public int Count { get; } = count;

    public double Top { get; } = top;

    public double[] Bottoms { get; } = Enumerable.Repeat(bottom, count).ToArray();

    // 0 for the page's lead story, 1 for important stories, 2 for the rest; sets headline sizes.
    public int Importance { get; set; } = 2;

    // This slot holds the second part of an article begun on an earlier page.
    public bool Continuation { get; set; }

    // The article in this slot jumps to a later page.
    public bool JumpsOut { get; set; }

    public double Bottom => Bottoms.Max();

    public double Height => Bottom - Top;

    public bool IsNotched => Bottoms.Min() < Bottoms.Max();

    // For a notched slot, whether its short columns (above the notch) are on the left.
    public bool NotchOnLeft => Bottoms[0] < Bottoms[^1];

    public double Area(PageGrid grid) => Enumerable.Range(0, Count).Sum(i => grid.ColumnWidth * (Bottoms[i] - Top));
}

// A planned page: its slots in reading order and the rules drawn between them.
internal sealed record PageLayout(IReadOnlyList<Slot> Slots, IReadOnlyList<LineOp> Rules);

// What a page must contain; the planner decides where.
internal sealed record PageFeatures(int ArticleCount, bool Advert, bool Briefs, bool PhotoNews, bool LShape, bool Continuation, bool JumpsOut);
