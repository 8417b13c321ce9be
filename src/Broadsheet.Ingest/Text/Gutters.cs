namespace Broadsheet.Ingest.Text;

/// <summary>
/// Tells a column gutter from a wide space inside a line. A gap between two characters on a baseline is a
/// gutter when the page shows a channel there: the lines above and below, in the same type size, leave the
/// same strip empty and have text beside it. Justified English stretches its word spaces and a headline's
/// ideographic space is an em wide, but neither lines up with the lines around it; a gutter always does, however
/// narrow it is and whatever the typesetter drew into it (Founder ends column lines with a space glyph).
/// </summary>
internal sealed class Gutters
{
    /// <summary>Gaps narrower than this (ems) are letter or word spacing, never a gutter.</summary>
    public const double Narrowest = 0.4;

    /// <summary>Gaps wider than this (ems) part lines whatever the lines around them show.</summary>
    public const double Widest = 2.5;

    /// <summary>Rows within this many ems above or below are the neighbourhood a channel is looked for in.</summary>
    private const double Reach = 4.5;

    /// <summary>Text this many ems beside the strip counts as the columns either side of it.</summary>
    private const double Beside = 4;

    /// <summary>
    /// Rows set in the same type (within this ratio of each other's size) show each other's gutters; a caption or a
    /// sub-head in other type across the strip says nothing about the columns beside it.
    /// </summary>
    private const double SizeRatio = 1.05;

    private readonly List<Row> _rows;

    public Gutters(IEnumerable<IReadOnlyList<Glyph>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows
            .Select(r => r.Where(g => !g.IsWhiteSpace).OrderBy(g => g.Box.Left).ToArray())
            .Where(r => r.Length > 0)
            .Select(r => new Row(r[0].Baseline, r))
            .OrderBy(r => r.Baseline)];
    }

    /// <summary>What the rows around a gap say about it.</summary>
    public enum Verdict
    {
        /// <summary>No row of this size near enough to tell.</summary>
        Unknown,

        /// <summary>The rows around leave the same strip empty, with text beside it.</summary>
        Gutter,

        /// <summary>Text of the same size runs across the strip in the rows around.</summary>
        Space,
    }

    /// <summary>Judges the gap between x = <paramref name="left"/> and x = <paramref name="right"/> on the row at <paramref name="baseline"/>.</summary>
    public Verdict Judge(double baseline, double left, double right, double size)
    {
        int strong = 0, weak = 0, across = 0;
        for (var i = FirstAtOrAbove(baseline - (Reach * size)); i < _rows.Count && _rows[i].Baseline <= baseline + (Reach * size); i++)
        {
            var row = _rows[i];
            if (Math.Abs(row.Baseline - baseline) < 0.25 * size)
            {
                continue;
            }

            var near = row.Glyphs.Where(g => g.Box.Right >= left - (Beside * size) && g.Box.Left <= right + (Beside * size)
                && Math.Max(g.Size, size) / Math.Min(g.Size, size) <= SizeRatio).ToList();
            if (near.Count == 0)
            {
                continue;
            }

            // The neighbour's own gap may be narrower than this one (this line stopped short of its column's edge)
            // but must lie within it.
            var (from, to) = LargestFree(near, left, right);
            if (to - from < 0.9 * Narrowest * size)
            {
                across++;
                continue;
            }

            var before = near.Any(g => g.Box.Right <= from + 0.01);
            var after = near.Any(g => g.Box.Left >= to - 0.01);
            if (before && after)
            {
                strong++;
            }
            else
            {
                weak++;
            }
        }

        if (across > 0 && across * 3 > strong)
        {
            return Verdict.Space;
        }

        return strong >= 2 || (strong >= 1 && weak >= 1) ? Verdict.Gutter : Verdict.Unknown;
    }

    /// <summary>The widest stretch of [<paramref name="left"/>, <paramref name="right"/>] that none of <paramref name="glyphs"/> covers.</summary>
    private static (double From, double To) LargestFree(List<Glyph> glyphs, double left, double right)
    {
        var best = (From: left, To: left);
        var cursor = left;
        foreach (var g in glyphs.OrderBy(g => g.Box.Left))
        {
            if (g.Box.Left > cursor)
            {
                var end = Math.Min(g.Box.Left, right);
                if (end - cursor > best.To - best.From)
                {
                    best = (cursor, end);
                }
            }

            cursor = Math.Max(cursor, g.Box.Right);
            if (cursor >= right)
            {
                return best;
            }
        }

        return right - cursor > best.To - best.From ? (cursor, right) : best;
    }

    private int FirstAtOrAbove(double baseline)
    {
        int lo = 0, hi = _rows.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_rows[mid].Baseline < baseline)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private sealed record Row(double Baseline, Glyph[] Glyphs);
}
