using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>A column of one article's text: its horizontal extent and its lines, top to bottom.</summary>
/// <remarks>The edges are those of the column's ordinary lines; a wide line (a caption over two columns) does not move them.</remarks>
internal sealed record TextColumn(double Left, double Right, IReadOnlyList<TextLine> Lines)
{
    public PageBox Box => new(Left, Lines.Min(l => l.Box.Top), Right, Lines.Max(l => l.Box.Bottom));
}

/// <summary>Splits an article's body lines into columns: lines whose horizontal extents overlap share a column.</summary>
internal static class Columns
{
    /// <summary>Lines this much wider than the typical line (captions across two columns) do not define columns.</summary>
    private const double WideLine = 1.6;

    public static IReadOnlyList<TextColumn> Of(IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return [];
        }

        // Most lines of a column are full; the short ones (a paragraph's last line, a brief's lead) are not typical.
        var widths = lines.Select(l => l.Box.Width).Order().ToArray();
        var typical = widths[(int)(0.8 * (widths.Length - 1))];
        var defining = lines.Where(l => l.Box.Width <= WideLine * typical).ToList();
        if (defining.Count == 0)
        {
            defining = [.. lines];
        }

        var spans = new List<(double Left, double Right)>();
        foreach (var line in defining.OrderBy(l => l.Box.Left))
        {
            var slack = 0.2 * line.FontSize;
            if (spans.Count > 0 && line.Box.Left < spans[^1].Right - slack)
            {
                spans[^1] = (spans[^1].Left, Math.Max(spans[^1].Right, line.Box.Right));
            }
            else
            {
                spans.Add((line.Box.Left, line.Box.Right));
            }
        }

        var members = spans.Select(_ => new List<TextLine>()).ToArray();
        foreach (var line in lines)
        {
            var best = 0;
            var bestOverlap = double.MinValue;
            for (var i = 0; i < spans.Count; i++)
            {
                var overlap = Math.Min(line.Box.Right, spans[i].Right) - Math.Max(line.Box.Left, spans[i].Left);
                if (line.Box.Left >= spans[i].Left - 1 && line.Box.Left <= spans[i].Right)
                {
                    // The column a line starts in is where it is read.
                    overlap += 10_000;
                }

                if (overlap > bestOverlap)
                {
                    bestOverlap = overlap;
                    best = i;
                }
            }

            members[best].Add(line);
        }

        return [.. spans
            .Select((s, i) => (Span: s, Lines: members[i]))
            .Where(c => c.Lines.Count > 0)
            .Select(c => new TextColumn(c.Span.Left, c.Span.Right, [.. c.Lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left)]))];
    }
}
