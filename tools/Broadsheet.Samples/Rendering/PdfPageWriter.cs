using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Layout;
using SkiaSharp;

namespace Broadsheet.Samples.Rendering;

// Replays a composed page into a one-page PDF with SkiaSharp's PDF backend.
internal static class PdfPageWriter
{
    // First private-use code point an unmapped font's characters are renumbered to.
    private const char PrivateUse = '\uE000';

    // unmapped: Embed every face with its characters renumbered into the private use area, so the page prints as
    // set but its ToUnicode maps (written by Skia from the subset's cmap) say nothing usable.
    public static void Write(string path, IReadOnlyList<DrawOp> ops, FontLibrary fonts, SKDocumentPdfMetadata metadata, bool unmapped = false)
    {
        // Each face is embedded once per page, cut down to the characters this page uses.
        var characters = new Dictionary<FontFace, SortedSet<char>>();
        foreach (var op in ops.OfType<TextOp>())
        {
            var face = fonts[op.Font];
            if (!characters.TryGetValue(face, out var set))
            {
                characters[face] = set = [];
            }

            set.UnionWith(op.Text);
        }

        var codes = new Dictionary<FontFace, Dictionary<char, char>>();
        if (unmapped)
        {
            foreach (var (face, set) in characters)
            {
                codes[face] = set.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (char)(PrivateUse + x.i));
            }
        }

        var typefaces = characters.ToDictionary(kv => kv.Key, kv => codes.TryGetValue(kv.Key, out var map)
            ? kv.Key.CreateTypefaceFor(map.ToDictionary(x => x.Value, x => kv.Key.Glyph(x.Key)))
            : kv.Key.CreateTypefaceFor(kv.Value));
        try
        {
            using var stream = File.Create(path);
            using var document = SKDocument.CreatePdf(stream, metadata);
            var canvas = document.BeginPage((float)PageGrid.PageWidth, (float)PageGrid.PageHeight);
            using var paint = new SKPaint { IsAntialias = true };
            foreach (var op in ops)
            {
                Draw(canvas, paint, Renumber(op, fonts, codes), fonts, typefaces);
            }

            document.EndPage();
            document.Close();
        }
        finally
        {
            foreach (var (face, typeface) in typefaces)
            {
                if (face.Subset)
                {
                    typeface.Dispose();
                }
            }
        }
    }

    private static DrawOp Renumber(DrawOp op, FontLibrary fonts, Dictionary<FontFace, Dictionary<char, char>> codes) =>
        op is TextOp text && codes.TryGetValue(fonts[text.Font], out var map)
            ? text with { Text = new string([.. text.Text.Select(c => map[c])]) }
            : op;

    private static void Draw(SKCanvas canvas, SKPaint paint, DrawOp op, FontLibrary fonts, Dictionary<FontFace, SKTypeface> typefaces)
    {
        switch (op)
        {
            case TextOp text:
                using (var font = new SKFont(typefaces[fonts[text.Font]], (float)text.Size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None })
                using (var builder = new SKTextBlobBuilder())
                {
                    var glyphs = font.GetGlyphs(text.Text);
                    var positions = text.X.Select(x => new SKPoint((float)x, (float)text.Baseline)).ToArray();
                    builder.AddPositionedRun(glyphs, font, positions);
                    using var blob = builder.Build();
                    paint.Style = SKPaintStyle.Fill;
                    paint.Color = text.Color;
                    canvas.DrawText(blob, 0, 0, paint);
                }

                break;
            case LineOp line:
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = (float)line.Width;
                paint.Color = line.Color;
                canvas.DrawLine((float)line.X0, (float)line.Y0, (float)line.X1, (float)line.Y1, paint);
                break;
            case RectOp rect:
                var r = new SKRect((float)rect.Box.Left, (float)rect.Box.Top, (float)rect.Box.Right, (float)rect.Box.Bottom);
                if (rect.Fill is { } fill)
                {
                    paint.Style = SKPaintStyle.Fill;
                    paint.Color = fill;
                    canvas.DrawRect(r, paint);
                }

                if (rect.Stroke is { } stroke)
                {
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = (float)rect.StrokeWidth;
                    paint.Color = stroke;
                    canvas.DrawRect(r, paint);
                }

                break;
            case PhotoOp photo:
                using (var image = PhotoPainter.Paint(photo.Seed, photo.Box.Width, photo.Box.Height))
                {
                    var dest = new SKRect((float)photo.Box.Left, (float)photo.Box.Top, (float)photo.Box.Right, (float)photo.Box.Bottom);
                    canvas.DrawImage(image, dest, new SKSamplingOptions(SKFilterMode.Linear), null);
                }

                break;
        }
    }
}
