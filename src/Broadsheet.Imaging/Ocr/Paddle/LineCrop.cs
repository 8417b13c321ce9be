namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>
/// A detected box as the recogniser reads it: an origin and two unit axes in the page (reading direction and down),
/// the crop's size along them, and the width it is scaled to at the recogniser's height. A box at least 1.5 times
/// taller than wide is read turned a quarter anticlockwise, as PaddleOCR does: PP-OCRv4's recogniser was trained on
/// vertical CJK lines turned that way, and reads them (a vertical headline in the OCR tests and on a corpus page).
/// </summary>
internal sealed record LineCrop(PointD Origin, PointD Across, PointD Down, double Length, double Thickness, int ScaledWidth, bool Vertical)
{
    public const int Height = 48;

    public static LineCrop From(RotatedRect box)
    {
        var c = box.OrderedCorners();
        var (width, height) = (Distance(c[0], c[1]), Distance(c[0], c[3]));
        var across = Unit(c[0], c[1]);
        var down = Unit(c[0], c[3]);
        if (height >= 1.5 * width)
        {
            // Turned a quarter anticlockwise: the top-right corner becomes the origin, down becomes across.
            return Make(c[1], down, new PointD(-across.X, -across.Y), height, width, vertical: true);
        }

        return Make(c[0], across, down, width, height, vertical: false);
    }

    /// <summary>Where a point of the crop (along, down; in crop pixels) lies on the page.</summary>
    public PointD At(double along, double down) =>
        new(Origin.X + (along * Across.X) + (down * Down.X), Origin.Y + (along * Across.Y) + (down * Down.Y));

    /// <summary>
    /// Samples the crop at the recogniser's size into <paramref name="target"/> (planes B, G, R; values scaled to
    /// -1..1 as PaddleOCR's <c>resize_norm_img</c> does) with a box filter where the crop is shrunk.
    /// </summary>
    public void Sample(byte[] rgb, int imageWidth, int imageHeight, Span<float> target, int targetWidth)
    {
        var plane = Height * targetWidth;
        var (stepAlong, stepDown) = (Length / ScaledWidth, Thickness / Height);
        var samples = Math.Clamp((int)Math.Ceiling(Math.Max(stepAlong, stepDown)), 1, 4);
        Span<float> sum = stackalloc float[3];
        for (var v = 0; v < Height; v++)
        {
            for (var u = 0; u < ScaledWidth; u++)
            {
                sum.Clear();
                for (var sv = 0; sv < samples; sv++)
                {
                    for (var su = 0; su < samples; su++)
                    {
                        var p = At((u + ((su + 0.5) / samples)) * stepAlong, (v + ((sv + 0.5) / samples)) * stepDown);
                        Bilinear(rgb, imageWidth, imageHeight, p.X - 0.5, p.Y - 0.5, sum);
                    }
                }

                var n = samples * samples;
                for (var channel = 0; channel < 3; channel++)
                {
                    // Plane 0 is blue: the RGB triple's third byte.
                    target[(channel * plane) + (v * targetWidth) + u] = ((sum[2 - channel] / n / 255f) - 0.5f) / 0.5f;
                }
            }
        }
    }

    private static void Bilinear(byte[] rgb, int width, int height, double x, double y, Span<float> sum)
    {
        x = Math.Clamp(x, 0, width - 1);
        y = Math.Clamp(y, 0, height - 1);
        var (x0, y0) = ((int)x, (int)y);
        var (x1, y1) = (Math.Min(x0 + 1, width - 1), Math.Min(y0 + 1, height - 1));
        var (fx, fy) = ((float)(x - x0), (float)(y - y0));
        for (var channel = 0; channel < 3; channel++)
        {
            float P(int px, int py) => rgb[(((py * width) + px) * 3) + channel];
            var top = P(x0, y0) + ((P(x1, y0) - P(x0, y0)) * fx);
            var bottom = P(x0, y1) + ((P(x1, y1) - P(x0, y1)) * fx);
            sum[channel] += top + ((bottom - top) * fy);
        }
    }

    private static LineCrop Make(PointD origin, PointD across, PointD down, double length, double thickness, bool vertical)
    {
        var scaled = (int)Math.Clamp(Math.Ceiling(Height * length / Math.Max(thickness, 1)), 1, Height * 100);
        return new LineCrop(origin, across, down, Math.Max(length, 1), Math.Max(thickness, 1), scaled, vertical);
    }

    private static double Distance(PointD a, PointD b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static PointD Unit(PointD from, PointD to)
    {
        var d = Distance(from, to);
        return d < 1e-9 ? new PointD(1, 0) : new PointD((to.X - from.X) / d, (to.Y - from.Y) / d);
    }
}
