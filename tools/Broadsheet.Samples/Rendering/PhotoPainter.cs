using SkiaSharp;

namespace Broadsheet.Samples.Rendering;

// Paints a stand-in news photo (sky, hills, buildings, trees, people) as a raster, so the PDF holds a real
// image XObject where a photo would be, as a typeset page does.
internal static class PhotoPainter
{
    // Pixels per point: enough to look like a photo when the page is viewed, small enough to keep PDFs light.
    private const double Resolution = 2;

    public static SKImage Paint(int seed, double widthPt, double heightPt)
    {
        var random = new Random(seed);
        var width = Math.Max(16, (int)(widthPt * Resolution));
        var height = Math.Max(16, (int)(heightPt * Resolution));
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        var horizon = height * (0.35f + (float)(random.NextDouble() * 0.25));

        var skyHue = 190 + (float)(random.NextDouble() * 40);
        using (var sky = new SKPaint())
        {
            sky.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(0, horizon),
                [SKColor.FromHsl(skyHue, 55, 62), SKColor.FromHsl(skyHue, 40, 85)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, horizon + 2, sky);
        }

        using var fill = new SKPaint { IsAntialias = true };
        fill.Color = SKColor.FromHsl(45, 90, 80);
        canvas.DrawCircle(width * (0.15f + (float)(random.NextDouble() * 0.7)), horizon * 0.3f, height * 0.06f, fill);

        // Two ranges of hills, the nearer one darker.
        for (var layer = 0; layer < 2; layer++)
        {
            using var hills = new SKPath();
            hills.MoveTo(0, horizon);
            for (var x = 0f; x <= width + 40; x += width / 6f)
            {
                hills.LineTo(x, horizon - (float)(random.NextDouble() * height * (0.12 + (0.08 * layer))));
            }

            hills.LineTo(width, horizon + 4);
            hills.LineTo(0, horizon + 4);
            hills.Close();
            fill.Color = SKColor.FromHsl(120 + (layer * 15), 25 + (layer * 10), 55 - (layer * 12));
            canvas.DrawPath(hills, fill);
        }

        var groundHue = random.NextDouble() < 0.5 ? 95f : 38f;
        fill.Color = SKColor.FromHsl(groundHue, 35, 45);
        canvas.DrawRect(0, horizon, width, height - horizon, fill);

        var buildings = random.Next(2, 6);
        for (var i = 0; i < buildings; i++)
        {
            var bw = width * (0.06f + (float)(random.NextDouble() * 0.1));
            var bh = height * (0.15f + (float)(random.NextDouble() * 0.3));
            var bx = (float)(random.NextDouble() * (width - bw));
            fill.Color = SKColor.FromHsl(20 + (float)(random.NextDouble() * 40), 10, 60 + (float)(random.NextDouble() * 25));
            canvas.DrawRect(bx, horizon - bh, bw, bh + 2, fill);
            fill.Color = SKColor.FromHsl(210, 20, 35);
            for (var wy = horizon - bh + 6; wy < horizon - 6; wy += 10)
            {
                for (var wx = bx + 4; wx < bx + bw - 6; wx += 9)
                {
                    canvas.DrawRect(wx, wy, 4, 5, fill);
                }
            }
        }

        var trees = random.Next(3, 9);
        for (var i = 0; i < trees; i++)
        {
            var tx = (float)(random.NextDouble() * width);
            var ty = horizon + (float)(random.NextDouble() * (height - horizon) * 0.4);
            var size = height * (0.05f + (float)(random.NextDouble() * 0.07));
            fill.Color = SKColor.FromHsl(30, 40, 25);
            canvas.DrawRect(tx - (size * 0.08f), ty, size * 0.16f, size * 0.9f, fill);
            fill.Color = SKColor.FromHsl(100 + (float)(random.NextDouble() * 40), 45, 30 + (float)(random.NextDouble() * 15));
            canvas.DrawCircle(tx, ty, size * 0.5f, fill);
        }

        var people = random.Next(2, 7);
        for (var i = 0; i < people; i++)
        {
            var px = (float)(random.NextDouble() * width);
            var scale = height * (0.1f + (float)(random.NextDouble() * 0.12));
            var py = height - (float)(random.NextDouble() * (height - horizon) * 0.5) - scale;
            fill.Color = SKColor.FromHsl((float)(random.NextDouble() * 360), 50, 45);
            canvas.DrawRoundRect(px - (scale * 0.18f), py + (scale * 0.28f), scale * 0.36f, scale * 0.72f, scale * 0.1f, scale * 0.1f, fill);
            fill.Color = SKColor.FromHsl(28, 45, 70);
            canvas.DrawCircle(px, py + (scale * 0.14f), scale * 0.13f, fill);
        }

        return surface.Snapshot();
    }
}
