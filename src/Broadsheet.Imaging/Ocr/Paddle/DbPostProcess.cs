namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>
/// Differentiable Binarization's post-processing, as PaddleOCR's <c>DBPostProcess</c> does it: threshold the
/// probability map, take each connected region, fit its minimum-area rectangle, keep it when the mean probability
/// inside is high enough, grow it back by the unclip margin, and scale it to the source image.
/// </summary>
internal static class DbPostProcess
{
    /// <summary>PaddleOCR's defaults for PP-OCRv4 detection.</summary>
    public const float Threshold = 0.3f;
    public const double BoxThreshold = 0.6;
    public const double UnclipRatio = 1.5;
    private const double MinSize = 3;

    /// <param name="probability">The detector's map, row-major, <paramref name="width"/> x <paramref name="height"/>.</param>
    /// <param name="scaleX">Source pixels per map pixel, across.</param>
    /// <param name="scaleY">Source pixels per map pixel, down.</param>
    public static List<RotatedRect> Boxes(ReadOnlySpan<float> probability, int width, int height, double scaleX, double scaleY)
    {
        var boxes = new List<RotatedRect>();
        var visited = new bool[width * height];
        var stack = new Stack<int>();
        var pixels = new List<int>();
        for (var start = 0; start < probability.Length; start++)
        {
            if (visited[start] || probability[start] <= Threshold)
            {
                continue;
            }

            Flood(probability, width, height, start, visited, stack, pixels);
            if (pixels.Count < 4)
            {
                continue;
            }

            var rect = RotatedRect.MinAreaRect(Outline(pixels, width));
            if (rect.ShortSide < MinSize || MeanInside(probability, width, height, rect) < BoxThreshold)
            {
                continue;
            }

            var grown = rect.Unclip(UnclipRatio);
            if (grown.ShortSide < MinSize + 2)
            {
                continue;
            }

            boxes.Add(Scale(grown, scaleX, scaleY));
        }

        return boxes;
    }

    /// <summary>One 8-connected region above the threshold, as pixel indices.</summary>
    private static void Flood(ReadOnlySpan<float> map, int width, int height, int start, bool[] visited, Stack<int> stack, List<int> pixels)
    {
        pixels.Clear();
        visited[start] = true;
        stack.Push(start);
        while (stack.Count > 0)
        {
            var index = stack.Pop();
            pixels.Add(index);
            var (x, y) = (index % width, index / width);
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    var (nx, ny) = (x + dx, y + dy);
                    if ((uint)nx < (uint)width && (uint)ny < (uint)height)
                    {
                        var next = (ny * width) + nx;
                        if (!visited[next] && map[next] > Threshold)
                        {
                            visited[next] = true;
                            stack.Push(next);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Each row's first and last pixel: enough for the convex hull, and far fewer points than the region.</summary>
    private static List<PointD> Outline(List<int> pixels, int width)
    {
        var rows = new Dictionary<int, (int Min, int Max)>();
        foreach (var index in pixels)
        {
            var (x, y) = (index % width, index / width);
            rows[y] = rows.TryGetValue(y, out var r) ? (Math.Min(r.Min, x), Math.Max(r.Max, x)) : (x, x);
        }

        var points = new List<PointD>(rows.Count * 2);
        foreach (var (y, (min, max)) in rows)
        {
            points.Add(new PointD(min, y));
            points.Add(new PointD(max, y));
        }

        return points;
    }

    /// <summary>The mean probability over the rectangle's pixels (PaddleOCR's "fast" box score).</summary>
    private static double MeanInside(ReadOnlySpan<float> map, int width, int height, RotatedRect rect)
    {
        var corners = rect.OrderedCorners();
        var (left, right) = ((int)Math.Floor(corners.Min(p => p.X)), (int)Math.Ceiling(corners.Max(p => p.X)));
        var (top, bottom) = ((int)Math.Floor(corners.Min(p => p.Y)), (int)Math.Ceiling(corners.Max(p => p.Y)));
        (left, right, top, bottom) = (Math.Clamp(left, 0, width - 1), Math.Clamp(right, 0, width - 1), Math.Clamp(top, 0, height - 1), Math.Clamp(bottom, 0, height - 1));
        var (c, s) = (Math.Cos(rect.Angle), Math.Sin(rect.Angle));
        var (hw, hh) = ((rect.Width / 2) + 0.5, (rect.Height / 2) + 0.5);
        double sum = 0;
        var count = 0;
        for (var y = top; y <= bottom; y++)
        {
            for (var x = left; x <= right; x++)
            {
                var (dx, dy) = (x - rect.Center.X, y - rect.Center.Y);
                if (Math.Abs((dx * c) + (dy * s)) <= hw && Math.Abs((-dx * s) + (dy * c)) <= hh)
                {
                    sum += map[(y * width) + x];
                    count++;
                }
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    private static RotatedRect Scale(RotatedRect r, double sx, double sy)
    {
        // Detection runs on an image scaled by (nearly) the same factor both ways, so the angle survives.
        var (c, s) = (Math.Cos(r.Angle), Math.Sin(r.Angle));
        var width = r.Width * Math.Sqrt((c * sx * c * sx) + (s * sy * s * sy));
        var height = r.Height * Math.Sqrt((s * sx * s * sx) + (c * sy * c * sy));
        return new RotatedRect(new PointD((r.Center.X + 0.5) * sx, (r.Center.Y + 0.5) * sy), width, height, Math.Atan2(s * sy, c * sx));
    }
}
