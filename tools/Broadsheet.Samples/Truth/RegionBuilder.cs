using Broadsheet.Core.Model;
using Broadsheet.Samples.Layout;

namespace Broadsheet.Samples.Truth;

// The outline of a slot as a rectilinear polygon in normalised page coordinates.
internal static class RegionBuilder
{
    // The region covers the slot's columns and the gutters between them. A gutter between columns of different
    // depth goes down as far as the shorter one, so the step of an L lies on the edge of the deeper column and the
    // item set into the notch (which starts at its own column edge, past the gutter) never overlaps it.
    public static IReadOnlyList<NormalisedPoint> Build(PageGrid grid, Slot slot)
    {
        var spans = new List<(double Left, double Right, double Bottom)>();
        for (var i = 0; i < slot.Count; i++)
        {
            var column = slot.First + i;
            if (i > 0)
            {
                spans.Add((grid.ColumnRight(column - 1), grid.ColumnLeft(column), Math.Min(slot.Bottoms[i - 1], slot.Bottoms[i])));
            }

            spans.Add((grid.ColumnLeft(column), grid.ColumnRight(column), slot.Bottoms[i]));
        }

        var merged = new List<(double Left, double Right, double Bottom)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && Math.Abs(merged[^1].Bottom - span.Bottom) < 0.001)
            {
                merged[^1] = merged[^1] with { Right = span.Right };
            }
            else
            {
                merged.Add(span);
            }
        }

        var points = new List<NormalisedPoint>
        {
            PageCanvas.Point(merged[0].Left, slot.Top),
            PageCanvas.Point(merged[^1].Right, slot.Top),
        };
        for (var i = merged.Count - 1; i >= 0; i--)
        {
            points.Add(PageCanvas.Point(merged[i].Right, merged[i].Bottom));
            points.Add(PageCanvas.Point(merged[i].Left, merged[i].Bottom));
        }

        // Neighbouring spans share an x; drop the repeated corner points so every vertex is a real turn.
        var distinct = new List<NormalisedPoint>();
        foreach (var p in points)
        {
            if (distinct.Count == 0 || distinct[^1] != p)
            {
                distinct.Add(p);
            }
        }

        return distinct;
    }
}
