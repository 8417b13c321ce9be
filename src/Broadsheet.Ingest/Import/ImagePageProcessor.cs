using Broadsheet.Core.Model;
using System.Globalization;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// One page that came as an image (JPEG, PNG, TIFF) instead of a PDF: libvips makes it the master at the
/// width PDF pages are rendered to, then the reader's sizes and tiles. It has no text layer: its articles come from
/// the manifest, or from OCR of the master, or the page is marked for the desk.
/// </summary>
internal sealed class ImagePageProcessor(IPageImageProcessor images, int rasterWidth)
{
    /// <summary>Photos the manifest gives for this page, cut from the master.</summary>
    public IReadOnlyList<Polygon> GivenPhotos { get; init; } = [];

    /// <inheritdoc cref="PageProcessor.Ocr"/>
    public OcrReading? Ocr { get; init; }

    /// <inheritdoc cref="PageProcessor.OcrStarting"/>
    public Action? OcrStarting { get; init; }

    /// <inheritdoc cref="PageProcessor.ProcessAsync"/>
    public async Task<ProcessedPage> ProcessAsync(
        ValidatedPage page,
        string staging,
        Action<ImportStage> report,
        ImportBlobs blobs,
        CancellationToken cancellationToken)
    {
        var file = page.Page.FileName;
        var folder = Path.Combine(staging, "pages", page.Page.Label);
        report(ImportStage.Rasterising);
        RasterizedPage master;
        PageImages made;
        try
        {
            master = await images.CreateMasterAsync(page.Page.FilePath, rasterWidth, Path.Combine(folder, "master.png"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportException($"{file}: the page image could not be decoded ({ex.Message})", ex);
        }

        OcrOutcome? read = null;
        if (Ocr is not null)
        {
            report(ImportStage.ReadingText);
            OcrStarting?.Invoke();
            read = await Ocr.ReadAsync(master, null, folder, cancellationToken);
            master = read.Raster;
        }

        try
        {
            report(ImportStage.MakingImages);
            made = await images.CreatePageImagesAsync(master.Path, Path.Combine(folder, "images"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportException($"{file}: the page image could not be decoded ({ex.Message})", ex);
        }

        IReadOnlyList<Detection.DetectedArticle> articles = read?.Articles ?? [];
        var photos = await PagePhotos.MakeAsync(images, master.Path, PagePhotos.Of(articles, GivenPhotos), new Dictionary<Polygon, (string, ImageCrop?)>(), made.Directory, master.Width, cancellationToken);
        PageProcessor.WriteTextLayer(articles, made.Directory);
        if (read?.Layout is { } layout)
        {
            PageProcessor.WriteLayout(layout, PageTextSource.Ocr, made.Directory);
        }

        report(ImportStage.Storing);
        // Named, like a PDF page's images, by the content of the file the page came as and the width drawn at.
        var hash = await BlobKeys.HashFileAsync(page.Page.FilePath, cancellationToken);
        var imagesKey = BlobKeys.For("pages", hash, string.Create(CultureInfo.InvariantCulture, $"-{master.Width}"));
        await blobs.MoveInFolderAsync(imagesKey, made.Directory, cancellationToken);
        var largest = made.Largest;

        return new ProcessedPage(page, $"{imagesKey}/{largest.FileName}", largest.Width, largest.Height, imagesKey, PdfKey: null, articles)
        {
            ReviewNote = read switch
            {
                null => "the page is an image, without a text layer; its articles were not detected",
                { Read: true, Articles.Count: 0 } => $"{read.Note}; no headlines were found in it",
                _ => read.Note,
            },
            TextSource = read is { Read: true } ? PageTextSource.Ocr : PageTextSource.None,
            Doubts = read switch
            {
                { Read: true, Articles.Count: 0 } => PageDoubts.Ocr | PageDoubts.NoArticles,
                { Read: true } => PageDoubts.Ocr,
                _ => PageDoubts.NoText,
            },
            Photos = PagePhotos.Under(imagesKey, photos),
        };
    }
}
