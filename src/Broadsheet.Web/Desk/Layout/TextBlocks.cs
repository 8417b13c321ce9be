using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Layout;

/// <summary>
/// Groups a page's lines into blocks: lines of one size, one under the other in one column, with no more than
/// a line's gap between them (a paragraph's first-line indent and a line split on one baseline stay in). A
/// headline, a caption, each column of a story and each vertical line come out as blocks of their own.
/// </summary>
internal static class TextBlocks
{
    public static IReadOnlyList<TextBlock> Group(IReadOnlyList<PageLayoutLine> lines, double aspect)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var order = Enumerable.Range(0, lines.Count).OrderBy(i => lines[i].Top).ThenBy(i => lines[i].Left).ToList();
        var blocks = new List<List<int>>();
        var open = new List<List<int>>();
        foreach (var i in order)
        {
            var line = lines[i];
            if (IsVertical(line))
            {
                blocks.Add([i]);
                continue;
            }

            var home = open.Where(b => Continues(lines, b, line, aspect)).OrderBy(b => Distance(lines[b[^1]], line)).FirstOrDefault();
            if (home is null)
            {
                home = [];
                blocks.Add(home);
                open.Add(home);
            }

            home.Add(i);
            // A block that has fallen far behind can take no more lines; dropping it keeps the search short.
            open.RemoveAll(b => line.Top - lines[b[^1]].Bottom > 4 * Math.Max(line.Bottom - line.Top, 0.002));
        }

        return [.. blocks
            .Select(b => b.OrderBy(i => lines[i].Top).ThenBy(i => lines[i].Left).ToList())
            .OrderBy(b => lines[b[0]].Top).ThenBy(b => lines[b[0]].Left)
            .Select((b, n) => new TextBlock(n, b, Box.Bounding(b.Select(i => Box.Of(lines[i]))), b.Count == 1 && IsVertical(lines[b[0]])))];
    }

    public static bool IsVertical(PageLayoutLine line) => line.Bottom - line.Top > 2.5 * (line.Right - line.Left) && line.Text.Length > 1;

    private static bool Continues(IReadOnlyList<PageLayoutLine> lines, List<int> block, PageLayoutLine line, double aspect)
    {
        var last = lines[block[^1]];
        if (Math.Abs(last.Size - line.Size) > 0.2 * Math.Max(last.Size, line.Size))
        {
            return false;
        }

        var em = Math.Max(Math.Max(last.Bottom - last.Top, line.Bottom - line.Top), 0.001);
        var emX = em * aspect;
        var overlapX = Math.Min(last.Right, line.Right) - Math.Max(last.Left, line.Left);
        var overlapY = Math.Min(last.Bottom, line.Bottom) - Math.Max(last.Top, line.Top);
        // The same row: a line split where a gap or a rule cut the baseline.
        if (overlapY > 0.5 * em)
        {
            return line.Left - last.Right < 1.5 * emX && line.Left > last.Left;
        }

        // The block's last row, whole: a row split in two pieces still spans the column.
        var row = Box.Bounding(block.Where(i => Math.Abs(lines[i].Top - last.Top) < 0.5 * em).Select(i => Box.Of(lines[i])));
        overlapX = Math.Min(row.Right, line.Right) - Math.Max(row.Left, line.Left);
        var gap = line.Top - row.Bottom;
        var narrower = Math.Min(row.Width, line.Right - line.Left);
        var column = Box.Bounding(block.Select(i => Box.Of(lines[i])));
        return gap >= -0.3 * em && gap < 1.0 * em
            && overlapX > 0.5 * narrower
            && Math.Abs(line.Left - column.Left) < 3 * emX;
    }

    private static double Distance(PageLayoutLine a, PageLayoutLine b) => Math.Abs(b.Top - a.Bottom) + Math.Abs(b.Left - a.Left);
}
