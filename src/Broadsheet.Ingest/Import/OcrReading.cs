using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// Reads a page whose PDF gave no usable text (a scan, a junk text layer, a page that came as an image) by OCR from
/// its raster, and finds its articles in what OCR read. A page OCR had to turn upright gets its raster turned too,
/// so the reader shows it as it is read and its regions fall where the articles are.
/// </summary>
internal sealed class OcrReading(IPageOcr ocr, IArticleDetector detector, IPageImageProcessor images, IReadOnlyList<string> languages)
{
    /// <param name="raster">The page's raster.</param>
    /// <param name="pdf">The PDF's layout of the page when it has one (its rules and pictures are kept).</param>
    /// <param name="folder">The page's scratch folder.</param>
    /// <param name="cancellationToken">Stops the engine.</param>
    /// <returns>What was read, or why nothing was.</returns>
    public async Task<OcrOutcome> ReadAsync(RasterizedPage raster, PageLayout? pdf, string folder, CancellationToken cancellationToken)
    {
        OcrPage read;
        try
        {
            read = await ocr.ReadAsync(raster.Path, languages, cancellationToken);
        }
        catch (Exception ex) when (ex is NotSupportedException or TimeoutException or InvalidDataException or IOException or InvalidOperationException)
        {
            // OCR is a help, not a condition of the import: the page still publishes, flagged as without text.
            return new OcrOutcome([], raster, null, $"OCR could not read the page ({ex.Message}); its articles need marking by hand");
        }

        var turned = raster;
        if (read.Rotation != 0)
        {
            turned = await images.TurnAsync(raster.Path, read.Rotation, Path.Combine(folder, "upright.png"), cancellationToken);
            File.Delete(raster.Path);
        }

        var layout = OcrLayout.From(read, read.Rotation == 0 ? pdf : pdf is null ? null : pdf with { Images = [], Rules = [], Panels = [] });
        var articles = layout.Lines.Count == 0
            ? []
            : detector.Detect(layout).Select(a => a with { Doubts = a.Doubts | ArticleDoubts.Ocr, Confidence = Math.Min(a.Confidence, read.Confidence) }).ToList();
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"the text was read by OCR ({read.Engine}, {read.Confidence:P0} sure{(read.Rotation != 0 ? $", turned {read.Rotation}°" : "")}): check it");
        return new OcrOutcome(articles, turned, layout, note);
    }
}

/// <summary>What OCR made of a page.</summary>
/// <param name="Articles">The articles found in its text, each marked as read by OCR.</param>
/// <param name="Raster">The page's raster, upright.</param>
/// <param name="Layout">The layout OCR read, or null when it read nothing.</param>
/// <param name="Note">What the desk is told about the page.</param>
internal sealed record OcrOutcome(IReadOnlyList<DetectedArticle> Articles, RasterizedPage Raster, PageLayout? Layout, string Note)
{
    public bool Read => Layout is not null;
}
