using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// A column's edges where each line is set. A column is not always one width: it runs narrower beside a vertical
/// headline or a photo set into it and widens below. An indent or a short line is measured against the edges of
/// the lines around it, so the narrow part's lines are not each taken for a paragraph of their own.
/// </summary>
internal static class Margins
{
    /// <summary>A line starting more than this many ems right of the margin is where the column narrows, not an indent.</summary>
    private const double MaxIndent = 3.5;

    /// <summary>Lines starting this many ems left of the margin widen the column.</summary>
    private const double Widening = 0.8;

    /// <summary>The left and right edge of the column at each of its lines, top to bottom.</summary>
    public static IReadOnlyList<(double Left, double Right)> Of(IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = new (double Left, double Right)[lines.Count];
        if (lines.Count == 0)
        {
            return result;
        }

        var left = lines.Count > 1 ? Math.Min(lines[0].Box.Left, lines[1].Box.Left) : lines[0].Box.Left;
        for (var k = 0; k < lines.Count; k++)
        {
            var line = lines[k].Box;
            var em = lines[k].FontSize;
            if (line.Left < left - (Widening * em))
            {
                left = line.Left;
            }
            else if (line.Left > left + (MaxIndent * em))
            {
                // The column narrows here; the next line shows its new edge unless this one is indented from it.
                left = k + 1 < lines.Count && lines[k + 1].Box.Left < line.Left && lines[k + 1].Box.Left > left + (MaxIndent * em)
                    ? lines[k + 1].Box.Left
                    : line.Left;
            }

            result[k] = (left, 0);
        }

        // A line is short against the lines around it in the same stretch of the column.
        for (var k = 0; k < lines.Count; k++)
        {
            var right = lines[k].Box.Right;
            foreach (var n in new[] { k - 1, k + 1 })
            {
                if (n >= 0 && n < lines.Count && Math.Abs(result[n].Left - result[k].Left) < 0.5 * lines[k].FontSize)
                {
                    right = Math.Max(right, lines[n].Box.Right);
                }
            }

            result[k] = (result[k].Left, right);
        }

        return result;
    }
}
