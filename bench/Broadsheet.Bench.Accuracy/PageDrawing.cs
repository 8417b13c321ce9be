using System.Diagnostics;
using System.Globalization;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;
using SkiaSharp;

namespace Broadsheet.Bench.Accuracy;

/// <summary>
/// Draws what detection found over the page as mutool renders it: each article's region in its own colour with its
/// number in reading order, its headline lines boxed, its photos hatched, and the page's rules in grey. For a person
/// to look at; docs/architecture.md shows one.
/// </summary>
internal static class PageDrawing
{
    private static readonly SKColor[] Palette =
    [
        new(0xE6, 0x19, 0x4B), new(0x3C, 0xB4, 0x4B), new(0x43, 0x63, 0xD8), new(0xF5, 0x82, 0x31), new(0x91, 0x1E, 0xB4),
        new(0x42, 0xD4, 0xF4), new(0xF0, 0x32, 0xE6), new(0x9A, 0x63, 0x24), new(0x80, 0x80, 0x00), new(0x00, 0x80, 0x80),
    ];

    public static void Draw(string pdfPath, string pngPath, int width = 1400)
    {
        var layout = PdfLayoutReader.ReadFirstPage(pdfPath);
        var articles = new SimpleArticleDetector().Detect(layout);
        var raster = Path.Combine(Path.GetTempPath(), $"broadsheet-draw-{Guid.NewGuid():N}.png");
        try
        {
            using (var mutool = Process.Start(new ProcessStartInfo("mutool", ["draw", "-q", "-w", width.ToString(CultureInfo.InvariantCulture), "-o", raster, pdfPath, "1"]) { RedirectStandardError = true })!)
            {
                mutool.WaitForExit();
            }

            using var bitmap = SKBitmap.Decode(raster);
            using var canvas = new SKCanvas(bitmap);
            var sx = bitmap.Width / layout.Width;
            var sy = bitmap.Height / layout.Height;
            using var rulePaint = new SKPaint { Color = new SKColor(0x60, 0x60, 0x60, 0xA0), StrokeWidth = 2, Style = SKPaintStyle.Stroke };
            foreach (var rule in layout.Rules)
            {
                canvas.DrawRect(new SKRect((float)(rule.Box.Left * sx), (float)(rule.Box.Top * sy), (float)(rule.Box.Right * sx), (float)(rule.Box.Bottom * sy)), rulePaint);
            }

            using var font = new SKFont(SKTypeface.Default, 28);
            for (var i = 0; i < articles.Count; i++)
            {
                var article = articles[i];
                var colour = Palette[i % Palette.Length];
                using var fill = new SKPaint { Color = colour.WithAlpha(0x30), Style = SKPaintStyle.Fill };
                using var stroke = new SKPaint { Color = colour, StrokeWidth = 3, Style = SKPaintStyle.Stroke };
                foreach (var region in article.Regions)
                {
                    using var path = new SKPath();
                    var points = region.Points.Select(p => new SKPoint((float)(p.X * bitmap.Width), (float)(p.Y * bitmap.Height))).ToArray();
                    path.AddPoly(points, close: true);
                    canvas.DrawPath(path, fill);
                    canvas.DrawPath(path, stroke);
                }

                foreach (var line in article.Lines.Where(l => l.Role is ArticleLineRole.Headline or ArticleLineRole.Kicker or ArticleLineRole.Subheadline))
                {
                    var (left, top, right, bottom) = line.Box.Bounds;
                    canvas.DrawRect(new SKRect((float)(left * bitmap.Width), (float)(top * bitmap.Height), (float)(right * bitmap.Width), (float)(bottom * bitmap.Height)), stroke);
                }

                var anchor = article.HeadlineBox;
                using var label = new SKPaint { Color = SKColors.White };
                using var back = new SKPaint { Color = colour };
                var x = (float)(anchor.Left * sx);
                var y = (float)(anchor.Top * sy);
                var text = (i + 1).ToString(CultureInfo.InvariantCulture) + (article.Confidence < 0.7 ? "?" : "");
                canvas.DrawRect(new SKRect(x - 4, y - 30, x + (18 * text.Length) + 8, y), back);
                canvas.DrawText(text, x, y - 5, font, label);
            }

            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Png, 90);
            using var output = File.Create(pngPath);
            data.SaveTo(output);
        }
        finally
        {
            File.Delete(raster);
        }
    }
}
