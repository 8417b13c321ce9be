using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Text;

/// <summary>
/// What OCR read on a page, as the layout detection works on: lines in points on the upright page. The PDF's rules,
/// frames and pictures are kept where its geometry still holds (the page was not turned to be read), except a
/// picture that covers most of the page, which is the scan itself.
/// </summary>
internal static class OcrLayout
{
    /// <summary>Points per pixel of a page that came as an image, whose printed size nobody gave: 200 dpi.</summary>
    public const double ImagePointsPerPixel = 72.0 / 200;

    /// <summary>Lines the engine is less sure of than this are noise it read into pictures and rules.</summary>
    public const double MinLineConfidence = 0.4;

    /// <param name="page">What OCR read.</param>
    /// <param name="pdf">The PDF's own layout of the page, or null for a page that came as an image.</param>
    public static PageLayout From(OcrPage page, PageLayout? pdf)
    {
        ArgumentNullException.ThrowIfNull(page);
        var turned = page.Rotation is 90 or 270;
        var width = pdf is null ? page.Width * ImagePointsPerPixel : turned ? pdf.Height : pdf.Width;
        var scale = width / Math.Max(1, page.Width);
        var lines = page.Lines
            .Where(l => l.Confidence >= MinLineConfidence && !string.IsNullOrWhiteSpace(l.Text))
            .Select(l => new TextLine(l.Text.Trim(), Scale(l.Box, scale), Math.Max(1, l.TypeSize * scale))
            {
                Baseline = l.Box.Bottom * scale,
                IsVertical = l.Vertical,
            })
            .ToList();
        var layout = new PageLayout(width, page.Height * scale, lines);
        if (pdf is null || page.Rotation != 0)
        {
            return layout;
        }

        var area = pdf.Width * pdf.Height;
        return layout with
        {
            Images = [.. pdf.Images.Where(i => i.Box.Width * i.Box.Height < 0.5 * area)],
            Rules = pdf.Rules,
            Panels = pdf.Panels,
        };
    }

    private static PageBox Scale(PixelBox box, double scale) =>
        new(box.Left * scale, box.Top * scale, box.Right * scale, box.Bottom * scale);
}
