namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>A point in pixels.</summary>
internal readonly record struct PointD(double X, double Y);

/// <summary>
/// A rotated rectangle: centre, width along <see cref="Angle"/> (radians, image coordinates with y down), height across it.
/// </summary>
internal readonly record struct RotatedRect(PointD Center, double Width, double Height, double Angle)
{
    public double ShortSide => Math.Min(Width, Height);

    /// <summary>
    /// Corners ordered as PaddleOCR's <c>get_mini_boxes</c> orders them: of the two leftmost corners the upper is the
    /// first (top-left) and the lower the last (bottom-left); of the two rightmost the upper is second, the lower third.
    /// </summary>
    public PointD[] OrderedCorners()
    {
        var (c, s) = (Math.Cos(Angle), Math.Sin(Angle));
        var (hw, hh) = (Width / 2, Height / 2);
        var corners = new[]
        {
            new PointD(Center.X - (hw * c) + (hh * s), Center.Y - (hw * s) - (hh * c)),
            new PointD(Center.X + (hw * c) + (hh * s), Center.Y + (hw * s) - (hh * c)),
            new PointD(Center.X + (hw * c) - (hh * s), Center.Y + (hw * s) + (hh * c)),
            new PointD(Center.X - (hw * c) - (hh * s), Center.Y - (hw * s) + (hh * c)),
        }.OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        var (topLeft, bottomLeft) = corners[0].Y <= corners[1].Y ? (corners[0], corners[1]) : (corners[1], corners[0]);
        var (topRight, bottomRight) = corners[2].Y <= corners[3].Y ? (corners[2], corners[3]) : (corners[3], corners[2]);
        return [topLeft, topRight, bottomRight, bottomLeft];
    }

    /// <summary>
    /// DB's unclip: the detector predicts text regions shrunk by a margin, and the margin is given back as an offset
    /// D = area x ratio / perimeter. For a rectangle the offset polygon's minimum-area rectangle is the rectangle grown
    /// by D on every side, which is what PaddleOCR's Clipper offset followed by <c>minAreaRect</c> gives.
    /// </summary>
    public RotatedRect Unclip(double ratio)
    {
        var perimeter = 2 * (Width + Height);
        var distance = perimeter <= 0 ? 0 : Width * Height * ratio / perimeter;
        return this with { Width = Width + (2 * distance), Height = Height + (2 * distance) };
    }

    /// <summary>The rectangle of least area around <paramref name="points"/> (rotating calipers over their convex hull).</summary>
    public static RotatedRect MinAreaRect(IReadOnlyList<PointD> points)
    {
        var hull = ConvexHull(points);
        if (hull.Count == 1)
        {
            return new RotatedRect(hull[0], 0, 0, 0);
        }

        var best = new RotatedRect(default, double.MaxValue, double.MaxValue, 0);
        var bestArea = double.MaxValue;
        for (var i = 0; i < hull.Count; i++)
        {
            var (a, b) = (hull[i], hull[(i + 1) % hull.Count]);
            var angle = Math.Atan2(b.Y - a.Y, b.X - a.X);
            var (c, s) = (Math.Cos(angle), Math.Sin(angle));
            var (minU, maxU, minV, maxV) = (double.MaxValue, double.MinValue, double.MaxValue, double.MinValue);
            foreach (var p in hull)
            {
                var u = (p.X * c) + (p.Y * s);
                var v = (-p.X * s) + (p.Y * c);
                (minU, maxU, minV, maxV) = (Math.Min(minU, u), Math.Max(maxU, u), Math.Min(minV, v), Math.Max(maxV, v));
            }

            var area = (maxU - minU) * (maxV - minV);
            if (area < bestArea - 1e-9)
            {
                bestArea = area;
                var (cu, cv) = ((minU + maxU) / 2, (minV + maxV) / 2);
                var center = new PointD((cu * c) - (cv * s), (cu * s) + (cv * c));
                best = Normalise(new RotatedRect(center, maxU - minU, maxV - minV, angle));
            }
        }

        return best;
    }

    /// <summary>Same rectangle with its angle in (-45°, 45°], so width runs along the nearer horizontal.</summary>
    private static RotatedRect Normalise(RotatedRect r)
    {
        var angle = r.Angle;
        var (w, h) = (r.Width, r.Height);
        while (angle > Math.PI / 4)
        {
            angle -= Math.PI / 2;
            (w, h) = (h, w);
        }

        while (angle <= -Math.PI / 4)
        {
            angle += Math.PI / 2;
            (w, h) = (h, w);
        }

        return new RotatedRect(r.Center, w, h, angle);
    }

    /// <summary>Andrew's monotone chain; collinear points dropped.</summary>
    private static List<PointD> ConvexHull(IReadOnlyList<PointD> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }

        var hull = new List<PointD>(sorted.Count * 2);
        foreach (var pass in new[] { sorted, Enumerable.Reverse(sorted).ToList() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull;
    }

    private static double Cross(PointD o, PointD a, PointD b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
