namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// A point well inside a polygon and well away from the others, for clicking: of a grid over the polygon's
/// bounds, the point inside it (and outside the others) that lies farthest from any edge of any of them. The
/// centroid will not do: an L-shaped region's centroid can lie outside it, and where regions overlap or touch,
/// a point on the shared edge is a coin toss.
/// </summary>
internal static class InteriorPoint
{
    /// <summary>The best point over several polygons (an article's regions on one page), or null when all are covered.</summary>
    public static (double X, double Y)? InAny(IEnumerable<IReadOnlyList<(double X, double Y)>> polygons, IReadOnlyList<IReadOnlyList<(double X, double Y)>> others) =>
        polygons.Select(p => Of(p, others)).Where(c => c.Score > 0).OrderByDescending(c => c.Score).Select(c => ((double X, double Y)?)c.Point).FirstOrDefault();

    private static ((double X, double Y) Point, double Score) Of(IReadOnlyList<(double X, double Y)> polygon, IEnumerable<IReadOnlyList<(double X, double Y)>> others)
    {
        var avoid = others.ToList();
        var left = polygon.Min(p => p.X);
        var right = polygon.Max(p => p.X);
        var top = polygon.Min(p => p.Y);
        var bottom = polygon.Max(p => p.Y);
        (double X, double Y) best = (double.NaN, double.NaN);
        var bestDistance = double.NegativeInfinity;
        const int Steps = 40;
        for (var i = 1; i < Steps; i++)
        {
            for (var j = 1; j < Steps; j++)
            {
                var x = left + ((right - left) * i / Steps);
                var y = top + ((bottom - top) * j / Steps);
                if (!Contains(polygon, x, y) || avoid.Exists(o => Contains(o, x, y)))
                {
                    continue;
                }

                var distance = avoid.Aggregate(DistanceToEdges(polygon, x, y), (d, o) => Math.Min(d, DistanceToEdges(o, x, y)));
                if (distance > bestDistance)
                {
                    bestDistance = distance;
                    best = (x, y);
                }
            }
        }

        return (best, double.IsNaN(best.X) ? 0 : bestDistance);
    }

    public static bool Contains(IReadOnlyList<(double X, double Y)> polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (xi, yi) = polygon[i];
            var (xj, yj) = polygon[j];
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static double DistanceToEdges(IReadOnlyList<(double X, double Y)> polygon, double x, double y)
    {
        var min = double.PositiveInfinity;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (ax, ay) = polygon[j];
            var (bx, by) = polygon[i];
            var dx = bx - ax;
            var dy = by - ay;
            var length = (dx * dx) + (dy * dy);
            var t = length == 0 ? 0 : Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / length, 0, 1);
            var px = ax + (t * dx) - x;
            var py = ay + (t * dy) - y;
            min = Math.Min(min, Math.Sqrt((px * px) + (py * py)));
        }

        return min;
    }
}
