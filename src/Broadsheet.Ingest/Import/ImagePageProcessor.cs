using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// One page that came as an image (JPEG, PNG, TIFF) instead of a PDF: libvips makes it the master at the
/// width PDF pages are rendered to, then the reader's sizes. It has no text layer, so its articles come
/// from the manifest or not at all, and without them the page is marked for review.
/// </summary>
internal sealed class ImagePageProcessor(IPageImageProcessor images, int rasterWidth)
{
    /// <inheritdoc cref="PageProcessor.ProcessAsync"/>
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
        RasterizedPage master;
        IReadOnlyList<ImageDerivative> derivatives;
        try
        {
            master = await images.CreateMasterAsync(page.Page.FilePath, rasterWidth, Path.Combine(staging, "pages", page.Page.Label + ".png"), cancellationToken);
            derivatives = await images.CreateDerivativesAsync(master.Path, Path.Combine(staging, "derivatives", page.Page.Label), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportException($"{file}: the page image could not be decoded ({ex.Message})", ex);
        }

        report(ImportStage.Storing);
        var imageKey = await store("pages", master.Path, ".png");
        var derivativesKey = imageKey[..^".png".Length];
        foreach (var derivative in derivatives)
        {
            var extension = derivative.Format == "webp" ? "webp" : "jpg";
            await storeAt($"{derivativesKey}/{derivative.Size}.{extension}", derivative.Path);
        }

        return new ProcessedPage(page, master, imageKey, null, [])
        {
            ReviewNote = "the page is an image, without a text layer; its articles need OCR or marking by hand",
            DerivativesKey = derivatives.Count > 0 ? derivativesKey : null,
        };
    }
}
