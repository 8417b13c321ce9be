using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Layout;

/// <summary>A box on the page, normalised to 0..1 (origin top-left).</summary>
internal readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;

    public static Box Of(PageLayoutLine line) => new(line.Left, line.Top, line.Right, line.Bottom);

    public static Box Of(Polygon polygon)
    {
        var (l, t, r, b) = polygon.Bounds;
        return new(l, t, r, b);
    }

    public Box Union(Box other) => new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    public Box Inflate(double dx, double dy) => new(Math.Max(0, Left - dx), Math.Max(0, Top - dy), Math.Min(1, Right + dx), Math.Min(1, Bottom + dy));

    public double Overlap(Box other) =>
        Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left)) * Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top));

    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;

    public Polygon ToPolygon() => Polygon.Rectangle(Math.Clamp(Left, 0, 1), Math.Clamp(Top, 0, 1), Math.Clamp(Right, 0, 1), Math.Clamp(Bottom, 0, 1));

    public static Box Bounding(IEnumerable<Box> boxes) => boxes.Aggregate((a, b) => a.Union(b));
}

/// <summary>A run of lines printed together: a column of a story, a headline, a caption. Its lines are in reading order.</summary>
internal sealed record TextBlock(int Index, IReadOnlyList<int> Lines, Box Box, bool Vertical);

/// <summary>
/// A page's text as the importer stored it: every line with its box and type size, grouped into blocks, and the
/// page's pictures. <see cref="Complete"/> is false for a page imported before every line was kept (only the
/// articles' own lines are known, from the reader's search layer).
/// </summary>
internal sealed class PageText
{
    /// <param name="lines">Every line, in the order the importer read them.</param>
    /// <param name="pictures">The page's pictures.</param>
    /// <param name="complete">Whether every line of the page is there.</param>
    /// <param name="aspect">The page's height over its width: what a line's height is in units of the page's width.</param>
    public PageText(IReadOnlyList<PageLayoutLine> lines, IReadOnlyList<PageLayoutImage> pictures, bool complete, double aspect)
    {
        Lines = lines;
        Pictures = pictures;
        Complete = complete;
        Aspect = aspect > 0 ? aspect : 1;
        Blocks = TextBlocks.Group(lines, Aspect);
        BlockOf = new int[lines.Count];
        foreach (var block in Blocks)
        {
            foreach (var line in block.Lines)
            {
                BlockOf[line] = block.Index;
            }
        }
    }

    public static PageText Empty { get; } = new([], [], complete: false, aspect: 1);

    /// <summary>The page's height over its width, to measure sideways distances in lines' heights.</summary>
    public double Aspect { get; }

    /// <summary>The paragraphs the lines <paramref name="lines"/> (indices, in reading order) print, each line's block its column.</summary>
    public IReadOnlyList<string> Paragraphs(IReadOnlyList<int> lines) =>
        LineText.Paragraphs([.. lines.Select(i => Lines[i])], [.. lines.Select(i => Blocks[BlockOf[i]].Box)], Aspect);

    public IReadOnlyList<PageLayoutLine> Lines { get; }

    public IReadOnlyList<PageLayoutImage> Pictures { get; }

    public IReadOnlyList<TextBlock> Blocks { get; }

    /// <summary>The block each line belongs to, by line index.</summary>
    public int[] BlockOf { get; }

    public bool Complete { get; }

    /// <summary>The type size most of the page's characters are set in: its body size.</summary>
    public double BodySize => Lines.Count == 0 ? 0 : Lines.GroupBy(l => Math.Round(l.Size * 2) / 2)
        .OrderByDescending(g => g.Sum(l => l.Text.Length)).First().Key;
}
