using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Import;

/// <summary>One page's work: render it, read its text, find its articles, store its image and PDF.</summary>
internal sealed class PageProcessor(IPageRasterizer rasterizer, IArticleDetector detector, int rasterWidth, IPageImageProcessor? images = null, HanScript script = HanScript.Simplified)
{
    /// <param name="page">The validated page.</param>
    /// <param name="staging">Scratch folder of this import.</param>
    /// <param name="report">Called as each stage starts.</param>
    /// <param name="store">Stores a file under a content key made of (prefix, file, extension) and returns the key.</param>
    /// <param name="storeAt">Stores a file under the given key.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<ProcessedPage> ProcessAsync(
        ValidatedPage page,
        string staging,
        Action<ImportStage> report,
        Func<string, string, string, Task<string>> store,
        Func<string, string, Task> storeAt,
        CancellationToken cancellationToken)
    {
        var file = page.Page.FileName;
        report(ImportStage.Rasterising);
        RasterizedPage raster;
        try
        {
            var output = Path.Combine(staging, "pages", page.Page.Label + ".png");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            raster = await rasterizer.RasterizeAsync(page.Page.FilePath, 1, rasterWidth, output, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ImportException)
        {
            throw new ImportException($"{file}: the page could not be rendered ({ex.Message})", ex);
        }

        IReadOnlyList<ImageDerivative> derivatives = [];
        if (images is not null)
        {
            try
            {
                derivatives = await images.CreateDerivativesAsync(raster.Path, Path.Combine(staging, "derivatives", page.Page.Label), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ImportException($"{file}: the page images could not be made ({ex.Message})", ex);
            }
        }

        report(ImportStage.ReadingText);
        cancellationToken.ThrowIfCancellationRequested();
        PageLayout layout;
        try
        {
            layout = PdfLayoutReader.ReadFirstPage(page.Page.FilePath, script);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportException($"{file}: the page's text could not be read ({ex.Message})", ex);
        }

        report(ImportStage.Detecting);
        cancellationToken.ThrowIfCancellationRequested();
        var notes = new List<string>();
        IReadOnlyList<DetectedArticle> articles = [];
        if (page.PdfPageCount > 1)
        {
            notes.Add($"the PDF has {page.PdfPageCount} pages; only the first was imported");
        }

        if (page.Rotation != 0)
        {
            notes.Add($"the page is rotated {page.Rotation}°; articles were not detected");
        }
        else if (layout.Lines.Count == 0)
        {
            notes.Add("the page has no text layer (a scan?); its articles need OCR or marking by hand");
        }
        else
        {
            articles = detector.Detect(layout);
            if (articles.Count == 0)
            {
                notes.Add("no headlines were found; its articles need marking by hand");
            }
        }

        report(ImportStage.Storing);
        var pdfKey = await store("pdf", page.Page.FilePath, ".pdf");
        var imageKey = await store("pages", raster.Path, ".png");

        // Derivatives live beside the master under its content key, so they change exactly when it does.
        string? derivativesKey = null;
        if (derivatives.Count > 0)
        {
            derivativesKey = imageKey[..^".png".Length];
            foreach (var derivative in derivatives)
            {
                var extension = derivative.Format == "webp" ? "webp" : "jpg";
                await storeAt($"{derivativesKey}/{derivative.Size}.{extension}", derivative.Path);
            }
        }

        return new ProcessedPage(page, raster, imageKey, pdfKey, articles)
        {
            ReviewNote = notes.Count > 0 ? string.Join("; ", notes) : null,
            DerivativesKey = derivativesKey,
        };
    }
}
