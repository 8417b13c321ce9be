using Broadsheet.Core.Model;
using System.Globalization;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// One page that came as an image (JPEG, PNG, TIFF) instead of a PDF: libvips makes it the master at the
/// width PDF pages are rendered to, then the reader's sizes and tiles. It has no text layer, so its articles
/// come from the manifest or not at all, and without them the page is marked for review.
/// </summary>
internal sealed class ImagePageProcessor(IPageImageProcessor images, int rasterWidth)
{
    /// <summary>Photos the manifest gives for this page, cut from the master.</summary>
    public IReadOnlyList<Polygon> GivenPhotos { get; init; } = [];

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
            report(ImportStage.MakingImages);
            made = await images.CreatePageImagesAsync(master.Path, Path.Combine(folder, "images"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportException($"{file}: the page image could not be decoded ({ex.Message})", ex);
        }

        var photos = await PagePhotos.MakeAsync(images, master.Path, GivenPhotos, new Dictionary<Polygon, (string, ImageCrop?)>(), made.Directory, master.Width, cancellationToken);
        report(ImportStage.Storing);
        // Named, like a PDF page's images, by the content of the file the page came as and the width drawn at.
        var hash = await BlobKeys.HashFileAsync(page.Page.FilePath, cancellationToken);
        var imagesKey = BlobKeys.For("pages", hash, string.Create(CultureInfo.InvariantCulture, $"-{master.Width}"));
        await blobs.MoveInFolderAsync(imagesKey, made.Directory, cancellationToken);
        var largest = made.Largest;

        return new ProcessedPage(page, $"{imagesKey}/{largest.FileName}", largest.Width, largest.Height, imagesKey, PdfKey: null, [])
        {
            ReviewNote = "the page is an image, without a text layer; its articles need OCR or marking by hand",
            TextSource = PageTextSource.None,
            Doubts = PageDoubts.NoText,
            Photos = PagePhotos.Under(imagesKey, photos),
        };
    }
}
