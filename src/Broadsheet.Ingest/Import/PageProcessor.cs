using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Text;
using UglyToad.PdfPig;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// One page's work: render it, read its text and find its articles (both at once: the renderer is another
/// process), make its reader images and tiles, and store them with its PDF. The renderer runs under
/// <paramref name="limits"/>; the text is read from the sanitised copy validation measured, and the wait for it
/// ends with the page's time budget (the token), which the caller turns into a refusal.
/// </summary>
internal sealed class PageProcessor(
    IPageRasterizer rasterizer,
    IArticleDetector detector,
    IPageImageProcessor images,
    int rasterWidth,
    HanScript script = HanScript.Simplified,
    ToolLimits? limits = null)
{
    /// <summary>Photos the manifest gives for this page (detection finds the others).</summary>
    public IReadOnlyList<Polygon> GivenPhotos { get; init; } = [];

    /// <summary>Reads the page by OCR when its PDF gives no usable text; null to leave such a page to the desk.</summary>
    public OcrReading? Ocr { get; init; }

    /// <summary>The OCR source holds this page's text already (its ALTO): it is read from there even when the PDF has text.</summary>
    public bool TextFromOcr { get; init; }

    /// <summary>Called before OCR starts, which takes far longer than the rest of a page (the importer extends the page's time).</summary>
    public Action? OcrStarting { get; init; }

    /// <param name="page">The validated page.</param>
    /// <param name="staging">Scratch folder of this import.</param>
    /// <param name="report">Called as each stage starts.</param>
    /// <param name="blobs">Where the page's files go.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<ProcessedPage> ProcessAsync(
        ValidatedPage page,
        string staging,
        Action<ImportStage> report,
        ImportBlobs blobs,
        CancellationToken cancellationToken)
    {
        var file = page.Page.FileName;
        var folder = Path.Combine(staging, "pages", page.Page.Label);
        Directory.CreateDirectory(folder);

        // mutool draws in its own process while this thread reads the text.
        var raster = RasterizeAsync(page, Path.Combine(folder, "raster.ppm"), cancellationToken);
        (IReadOnlyList<DetectedArticle> Articles, List<string> Notes, PageTextSource Source, PageDoubts Doubts, PageLayout Layout) found;
        IReadOnlyList<Polygon> photos;
        Dictionary<Polygon, (string Path, ImageCrop? Area)> embedded;
        try
        {
            // PdfPig cannot be stopped part-way; past the page's time the import stops waiting and fails, and the
            // reading, bounded by the budgets validation checked, runs out on its own.
            (found, photos, embedded) = await Task.Run(() => ReadPdf(page, folder, report, cancellationToken), cancellationToken).WaitAsync(cancellationToken);
        }
        catch
        {
            await Task.WhenAny(raster);
            throw;
        }

        report(ImportStage.Rasterising);
        var rasterized = await raster;
        if (Ocr is not null && (TextFromOcr || (found.Doubts & NeedsOcr) != 0))
        {
            report(ImportStage.ReadingText);
            OcrStarting?.Invoke();
            // A page the PDF turns (/Rotate) is read from its raster; the PDF's geometry is of the unturned page.
            var read = await Ocr.ReadAsync(rasterized, found.Doubts.HasFlag(PageDoubts.Rotated) ? null : found.Layout, folder, cancellationToken);
            rasterized = read.Raster;
            found = WithOcr(found, read);
            photos = PagePhotos.Of(found.Articles, GivenPhotos);
            embedded = [];
        }

        report(ImportStage.MakingImages);
        PageImages made;
        try
        {
            made = await images.CreatePageImagesAsync(rasterized.Path, Path.Combine(folder, "images"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ImportException($"{file}: the page images could not be made ({ex.Message})", ex);
        }

        var photoImages = await PagePhotos.MakeAsync(images, rasterized.Path, photos, embedded, made.Directory, rasterized.Width, cancellationToken);
        File.Delete(rasterized.Path);
        WriteTextLayer(found.Articles, made.Directory);
        if (!found.Doubts.HasFlag(PageDoubts.Rotated))
        {
            WriteLayout(found.Layout, found.Source, made.Directory);
        }

        report(ImportStage.Storing);
        var hash = await BlobKeys.HashFileAsync(page.Page.FilePath, cancellationToken);
        var pdfKey = BlobKeys.For("pdf", hash, ".pdf");
        await blobs.CopyInAsync(pdfKey, page.Page.FilePath, cancellationToken);

        // The images are named by the PDF's content and the width they were drawn at: the same page always
        // lands on the same keys, and an import of a changed page never overwrites what a reader has cached.
        var imagesKey = BlobKeys.For("pages", hash, string.Create(CultureInfo.InvariantCulture, $"-{rasterized.Width}"));
        await blobs.MoveInFolderAsync(imagesKey, made.Directory, cancellationToken);
        var largest = made.Largest;

        return new ProcessedPage(page, $"{imagesKey}/{largest.FileName}", largest.Width, largest.Height, imagesKey, pdfKey, found.Articles)
        {
            ReviewNote = found.Notes.Count > 0 ? string.Join("; ", found.Notes) : null,
            TextSource = found.Source,
            Doubts = found.Doubts,
            Photos = PagePhotos.Under(imagesKey, photoImages),
        };
    }

    /// <summary>The articles' printed lines beside the images, so the reader can mark a searched phrase on the page.</summary>
    internal static void WriteTextLayer(IReadOnlyList<DetectedArticle> articles, string folder)
    {
        var lines = new List<PageTextLine>();
        foreach (var line in articles.SelectMany(a => a.Lines))
        {
            var (left, top, right, bottom) = line.Box.Bounds;
            lines.Add(new PageTextLine(line.Text, Round(left), Round(top), Round(right), Round(bottom)));
        }

        if (lines.Count == 0)
        {
            return;
        }

        using var file = File.Create(Path.Combine(folder, PageTextLayer.FileName));
        PageTextLayer.Write(file, lines);

        static double Round(double value) => Math.Round(value, 5);
    }

    /// <summary>
    /// Every line of the page (not only the articles') with its type size, and its pictures, beside the images:
    /// the desk shows them, checks for text no article holds, and lets an editor give lines to an article.
    /// </summary>
    internal static void WriteLayout(PageLayout layout, PageTextSource source, string folder)
    {
        if (source is not (PageTextSource.Pdf or PageTextSource.Ocr) || layout.Width <= 0 || layout.Height <= 0)
        {
            return;
        }

        var (width, height) = (layout.Width, layout.Height);
        var lines = layout.Lines
            .Where(l => !string.IsNullOrWhiteSpace(l.Text))
            .Select(l => new PageLayoutLine(
                l.Text, Round(l.Box.Left / width), Round(l.Box.Top / height), Round(l.Box.Right / width), Round(l.Box.Bottom / height), Math.Round(l.FontSize, 2), l.IsBold))
            .ToList();
        var pictures = layout.Images
            .Select(i => new PageLayoutImage(Round(i.Box.Left / width), Round(i.Box.Top / height), Round(i.Box.Right / width), Round(i.Box.Bottom / height)))
            .ToList();
        if (lines.Count == 0 && pictures.Count == 0)
        {
            return;
        }

        using var file = File.Create(Path.Combine(folder, PageLayoutFile.FileName));
        PageLayoutFile.Write(file, new PageLayoutData(lines, pictures));

        static double Round(double value) => Math.Round(Math.Clamp(value, 0, 1), 5);
    }

    private async Task<RasterizedPage> RasterizeAsync(ValidatedPage page, string output, CancellationToken cancellationToken)
    {
        try
        {
            return await rasterizer.RasterizeAsync(page.Page.FilePath, 1, rasterWidth, output, limits, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ImportException)
        {
            throw new ImportException($"{page.Page.FileName}: the page could not be rendered ({ex.Message})", ex);
        }
    }

    /// <summary>What a page's text is flagged with when its PDF could not give it: OCR may.</summary>
    private const PageDoubts NeedsOcr = PageDoubts.NoText | PageDoubts.UnreadableText | PageDoubts.Rotated;

    private const string NotRead = "its articles were not detected";

    /// <summary>More body text than a short paragraph that no article holds: a story detection missed, or part of one.</summary>
    private const int UnclaimedCharacters = 150;

    /// <summary>The page as OCR read it: its articles, and notes and doubts that say so instead of why the PDF could not.</summary>
    private static (IReadOnlyList<DetectedArticle> Articles, List<string> Notes, PageTextSource Source, PageDoubts Doubts, PageLayout Layout) WithOcr(
        (IReadOnlyList<DetectedArticle> Articles, List<string> Notes, PageTextSource Source, PageDoubts Doubts, PageLayout Layout) found, OcrOutcome read)
    {
        if (!read.Read)
        {
            return (found.Articles, [.. found.Notes, read.Note], found.Source, found.Doubts, found.Layout);
        }

        var notes = found.Notes.Where(n => !n.EndsWith(NotRead, StringComparison.Ordinal)).Append(read.Note).ToList();
        var doubts = (found.Doubts & ~NeedsOcr) | PageDoubts.Ocr;
        if (read.Articles.Count == 0)
        {
            notes.Add("no headlines were found in what OCR read; its articles need marking by hand");
            doubts |= PageDoubts.NoArticles;
        }

        return (read.Articles, notes, PageTextSource.Ocr, doubts, read.Layout!);
    }

    /// <summary>
    /// Reads the page's text and finds its articles, then, still while mutool draws, takes the PDF's own images of
    /// the photos (the best copies the paper has) from the same parse: PdfPig reads a page's content once.
    /// </summary>
    private ((IReadOnlyList<DetectedArticle> Articles, List<string> Notes, PageTextSource Source, PageDoubts Doubts, PageLayout Layout) Found,
        IReadOnlyList<Polygon> Photos, Dictionary<Polygon, (string Path, ImageCrop? Area)> Embedded) ReadPdf(
        ValidatedPage page, string folder, Action<ImportStage> report, CancellationToken cancellationToken)
    {
        report(ImportStage.ReadingText);
        cancellationToken.ThrowIfCancellationRequested();
        PdfDocument? document = null;
        UglyToad.PdfPig.Content.Page pdfPage;
        PageLayout layout;
        try
        {
            document = PdfDocument.Open(page.Page.FilePath, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            pdfPage = document.GetPage(1);
            layout = PdfLayoutReader.Read(pdfPage, script);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            document?.Dispose();
            throw new ImportException($"{page.Page.FileName}: the page's text could not be read ({ex.Message})", ex);
        }

        using (document)
        {
            var found = FindArticles(page, layout, report, cancellationToken);
            var photos = PagePhotos.Of(found.Articles, GivenPhotos);
            return (found, photos, EmbeddedPhotos.Extract(pdfPage, [.. photos], Path.Combine(folder, "embedded")));
        }
    }

    private (IReadOnlyList<DetectedArticle> Articles, List<string> Notes, PageTextSource Source, PageDoubts Doubts, PageLayout Layout) FindArticles(
        ValidatedPage page, PageLayout layout, Action<ImportStage> report, CancellationToken cancellationToken)
    {

        report(ImportStage.Detecting);
        cancellationToken.ThrowIfCancellationRequested();
        var notes = new List<string>();
        var doubts = PageDoubts.None;
        var source = PageTextSource.Pdf;
        IReadOnlyList<DetectedArticle> articles = [];
        if (page.PdfPageCount > 1)
        {
            notes.Add($"the PDF has {page.PdfPageCount} pages; only the first was imported");
            doubts |= PageDoubts.ExtraPdfPages;
        }

        if (page.Rotation != 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the page is rotated {page.Rotation}°; {NotRead}"));
            doubts |= PageDoubts.Rotated;
        }
        else if (layout.Lines.Count == 0)
        {
            notes.Add($"the page has no text layer (a scan?); {NotRead}");
            doubts |= PageDoubts.NoText;
            source = PageTextSource.None;
        }
        else if (layout.IsUnreadable)
        {
            notes.Add($"the page's text is not readable (its fonts map glyphs to no usable characters); {NotRead}");
            doubts |= PageDoubts.UnreadableText;
            source = PageTextSource.None;
        }
        else
        {
            articles = detector.Detect(layout);
            if (articles.Count == 0)
            {
                notes.Add("no headlines were found; its articles need marking by hand");
                doubts |= PageDoubts.NoArticles;
            }
            else if (articles.Any(a => a.Doubts != ArticleDoubts.None))
            {
                doubts |= PageDoubts.DoubtfulArticles;
            }

            if (articles.Count > 0 && Confidence.Unclaimed(layout, articles) > UnclaimedCharacters)
            {
                doubts |= PageDoubts.UnclaimedText;
            }
        }

        return (articles, notes, source, doubts, layout);
    }
}
