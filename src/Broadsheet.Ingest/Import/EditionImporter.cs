using System.Globalization;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Import;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Text;
using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest;

/// <summary>
/// Imports an edition package: validates every page, renders, reads and detects each page (several at
/// once), stores the page images and PDFs, and saves the edition, published, in one transaction. A failed
/// or cancelled import leaves nothing behind: blobs it added are deleted and its staging folder removed.
/// </summary>
public sealed class EditionImporter
{
    private readonly IEditionStore _store;
    private readonly IBlobStore _blobs;
    private readonly IPageRasterizer _rasterizer;
    private readonly DataFolder _folder;
    private readonly TimeProvider _clock;
    private readonly IngestOptions _options;
    private readonly IArticleDetector _detector;
    private readonly IPageImageProcessor _images;
    private readonly IPdfSanitizer _sanitizer;
    private readonly ImportBudget _budget;
    private readonly IPageOcr? _ocr;

    public EditionImporter(
        IEditionStore store,
        IBlobStore blobs,
        IPageRasterizer rasterizer,
        IPageImageProcessor images,
        IPdfSanitizer sanitizer,
        DataFolder folder,
        TimeProvider clock,
        IOptions<IngestOptions> options,
        IPageOcr? ocr = null)
        : this(store, blobs, rasterizer, images, sanitizer, folder, clock, options, new SimpleArticleDetector(), ocr)
    {
    }

    internal EditionImporter(
        IEditionStore store,
        IBlobStore blobs,
        IPageRasterizer rasterizer,
        IPageImageProcessor images,
        IPdfSanitizer sanitizer,
        DataFolder folder,
        TimeProvider clock,
        IOptions<IngestOptions> options,
        IArticleDetector detector,
        IPageOcr? ocr = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _rasterizer = rasterizer ?? throw new ArgumentNullException(nameof(rasterizer));
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options.Value;
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
        _images = images ?? throw new ArgumentNullException(nameof(images));
        _sanitizer = sanitizer ?? throw new ArgumentNullException(nameof(sanitizer));
        _budget = new ImportBudget(_options);
        _ocr = _options.Ocr ? ocr : null;
    }

    /// <summary>Imports the package <paramref name="request"/> names.</summary>
    /// <exception cref="ImportException">The package, a page or the request cannot be imported; nothing was changed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was changed.</exception>
    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var display = EditionPackage.DisplayNameOf(request.SourcePath);
        var slug = request.PublicationSlug;

        // The database's first queries (EF Core building its model and compiling them) and the package's unpacking
        // and page checks need nothing of each other, so each runs beside the other instead of leaving a core idle.
        // A failure on either side waits for the other, so nothing still writes into staging when the folder is removed.
        // On a pool thread: EF builds its model and compiles the query before the call first awaits.
        var finding = Task.Run(() => _store.FindPublicationAsync(slug, cancellationToken), cancellationToken);

        // Staging is this import's own folder; what a killed import left there is removed first, and the blobs it
        // stored without saving its edition with it.
        Directory.CreateDirectory(_folder.StagingPath);
        if (StagingArea.RemoveAbandoned(_folder.StagingPath) > 0)
        {
            await new OrphanBlobSweep(_store, _blobs, _folder).SweepAsync(cancellationToken);
        }

        using var staging = StagingArea.Create(_folder.StagingPath);
        progress?.Report(new(ImportStage.Unpacking, null, 0, 0));
        var limits = new PackageLimits(_options.MaxPackageBytes, _options.MaxPackageEntries, _options.MaxPages, path => CountPages(path, cancellationToken));
        var unpacking = Task.Run(() => EditionPackage.Open(request.SourcePath, staging.Path, limits, cancellationToken), cancellationToken);
        Publication? publication = null;
        var blobs = new ImportBlobs(_blobs);
        var identity = (Date: default(DateOnly), Number: 0);
        var exists = false;
        Edition edition;
        IReadOnlyList<string> unused;
        List<string> warnings;
        try
        {
            EditionPackage package;
            try
            {
                package = await unpacking;
            }
            catch
            {
                // A missing publication is the first thing to say, whatever the package holds.
                _ = await finding ?? throw NoPublication(slug);
                throw;
            }

            identity = EditionIdentity.Resolve(request, package, display);
            if (finding is { IsCompletedSuccessfully: true, Result: null })
            {
                throw NoPublication(slug);
            }

            var validating = ValidateAsync(package, staging.Path, progress, cancellationToken);
            try
            {
                publication = await finding ?? throw NoPublication(slug);
                exists = await _store.EditionExistsAsync(publication.Id, identity.Date, identity.Number, cancellationToken);
                if (exists && !request.Replace)
                {
                    throw AlreadyExists(slug, identity);
                }
            }
            catch
            {
                await Task.WhenAny(validating);
                throw;
            }

            var validated = await validating;
            var planned = ManifestArticles.Plan(package.Manifest, validated);
            var covered = ManifestArticles.PagesCovered(package.Manifest);
            var given = planned.SelectMany(a => a.Images).ToLookup(i => i.Page, i => i.Polygon);
            var pages = await ProcessAsync(validated, staging.Path, publication.Language, covered, request.ReadByOcr, given, blobs, progress, cancellationToken);
            (edition, warnings) = Build(publication, identity, package.Manifest?.IssueNumber, pages, planned, covered);
            progress?.Report(new(ImportStage.Saving, null, pages.Count, pages.Count));
            unused = await _store.SaveEditionAsync(edition, request.Replace, cancellationToken);
        }
        catch (Exception ex)
        {
            await blobs.DeleteAddedAsync();
            if (ex is DomainException domain)
            {
                // Another import saved this edition after our check, or the model refused what was detected.
                var appeared = !request.Replace && identity.Number > 0 && publication is not null
                    && await _store.EditionExistsAsync(publication.Id, identity.Date, identity.Number, CancellationToken.None);
                throw appeared ? AlreadyExists(slug, identity) : new ImportException($"{display}: {domain.Message}", domain);
            }

            throw;
        }

        await ImportBlobs.DeleteQuietlyAsync(_blobs, unused);
        progress?.Report(new(ImportStage.Done, null, edition.Pages.Count, edition.Pages.Count));
        return new ImportResult
        {
            EditionId = edition.Id,
            PublicationSlug = slug,
            Date = identity.Date,
            PageCount = edition.Pages.Count,
            ArticleCount = edition.Articles.Count,
            Replaced = exists,
            Warnings = warnings,
        };
    }

    private int Parallelism => _options.MaxParallelism > 0 ? _options.MaxParallelism : Environment.ProcessorCount;

    /// <summary>A whole-edition PDF's pages, counted by the sanitiser's limited process; null when it does not open.</summary>
    private int? CountPages(string path, CancellationToken cancellationToken)
    {
        try
        {
            // The package is opened on a pool thread (see ImportAsync), which may wait here.
            return _sanitizer.CountPagesAsync(path, _budget.Tool, cancellationToken).GetAwaiter().GetResult();
        }
        catch (PdfRefusedException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<ValidatedPage>> ValidateAsync(EditionPackage package, string staging, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var count = package.Pages.Count;
        var results = new ValidatedPage?[count];
        var errors = new ImportException?[count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var page = package.Pages[i];
                progress?.Report(new(ImportStage.Validating, page.Label, Volatile.Read(ref done), count));
                try
                {
                    results[i] = await ValidatePageAsync(page, staging, ct);
                }
                catch (ImportException ex)
                {
                    errors[i] = ex;
                }

                Interlocked.Increment(ref done);
            });

        // Report the first bad page in edition order, so the same package always gives the same message.
        var failed = errors.Where(e => e is not null).ToList();
        if (failed.Count > 0)
        {
            var others = failed.Count - 1;
            throw others == 0
                ? failed[0]!
                : new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{failed[0]!.Message} (and {others} more {(others == 1 ? "file has" : "files have")} problems)"), failed[0]!);
        }

        return [.. results.Select(r => r!)];
    }

    /// <summary>
    /// Checks one page file by what it holds (a PDF, or an image where there is no PDF). A PDF page is copied
    /// alone into staging by the sanitiser, in a process with limits, without scripts, actions, annotations,
    /// attachments or encryption, and measured; only that copy is opened here, and it is what readers download.
    /// </summary>
    private async Task<ValidatedPage> ValidatePageAsync(PackagePage page, string staging, CancellationToken cancellationToken)
    {
        var kind = FileSignature.Sniff(page.FilePath);
        if (kind.IsImage() && !FileSignature.HasPdfExtension(page.FilePath))
        {
            if (_images is null)
            {
                throw new ImportException($"{page.FileName}: page images need an image processor, and this importer has none");
            }

            return ImageValidator.Validate(page, kind, _options.MaxImagePixels);
        }

        if (kind != PageFileKind.Pdf && !FileSignature.HasPdfExtension(page.FilePath))
        {
            var head = new byte[Math.Min(4, new FileInfo(page.FilePath).Length)];
            using (var stream = File.OpenRead(page.FilePath))
            {
                stream.ReadExactly(head);
            }

            throw new ImportException(head.Length == 0
                ? $"{page.FileName}: the file is empty"
                : $"{page.FileName}: neither a PDF nor a JPEG, PNG or TIFF image (it starts with \"{PdfValidator.Printable(head)}\")");
        }

        PdfValidator.CheckBytes(page.FilePath, page.FileName);
        var clean = Path.Combine(staging, "clean", page.Label + ".pdf");
        SanitizedPdfPage sanitized;
        try
        {
            sanitized = await _sanitizer.ExtractPageAsync(page.FilePath, page.PdfPage, clean, _budget.Pdf, cancellationToken);
        }
        catch (PdfRefusedException ex)
        {
            throw new ImportException($"{page.FileName}: {_budget.Describe(ex, page.PdfPage)}", ex);
        }

        var copy = page with { FilePath = clean, FileName = page.FileName, PdfPage = 1, OnePageOfMany = false };
        var validated = PdfValidator.Validate(copy, _options.RasterWidth, _options.MaxImagePixels, _budget);
        // The note about extra pages is for a page file that has more than one, not for an edition cut from one PDF.
        return validated with { PdfPageCount = page.OnePageOfMany ? 1 : sanitized.PdfPageCount };
    }

    private async Task<IReadOnlyList<ProcessedPage>> ProcessAsync(
        IReadOnlyList<ValidatedPage> pages,
        string staging,
        string language,
        IReadOnlySet<string> manifestPages,
        IReadOnlySet<string> textFromOcr,
        ILookup<int, Polygon> givenPhotos,
        ImportBlobs blobs,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var results = new ProcessedPage[pages.Count];
        var done = 0;
        var script = HanScripts.FromLanguage(language);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, pages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                void Report(ImportStage stage) => progress?.Report(new(stage, pages[i].Page.Label, Volatile.Read(ref done), pages.Count));
                // Image pages have no PDF to render or read; pages whose articles the manifest gives skip detection and OCR.
                var given = manifestPages.Contains(pages[i].Page.Label);
                var detector = given ? NoDetection.Instance : _detector;
                using var pageTime = CancellationTokenSource.CreateLinkedTokenSource(ct);
                pageTime.CancelAfter(_budget.PageTime);
                var ocr = given || _ocr is null ? null : new OcrReading(_ocr, detector, _images, [language]);
                var readByOcr = false;
                void OcrStarting()
                {
                    readByOcr = true;
                    pageTime.CancelAfter(_budget.OcrPageTime);
                }

                var photos = givenPhotos[i].ToList();
                try
                {
                    results[i] = await (pages[i].Kind.IsImage()
                        ? new ImagePageProcessor(_images, _options.RasterWidth) { GivenPhotos = photos, Ocr = ocr, OcrStarting = OcrStarting }.ProcessAsync
                        : (PageWork)new PageProcessor(_rasterizer, detector, _images, _options.RasterWidth, script, _budget.Tool)
                        {
                            GivenPhotos = photos, Ocr = ocr, OcrStarting = OcrStarting, TextFromOcr = textFromOcr.Contains(pages[i].Page.Label),
                        }.ProcessAsync)(
                        pages[i], staging, Report, blobs, pageTime.Token);
                }
                catch (OperationCanceledException) when (pageTime.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    throw new ImportException($"{pages[i].Page.FileName}: {_budget.PageTooSlow(readByOcr)}");
                }

                Interlocked.Increment(ref done);
                Report(ImportStage.Storing);
            });
        return results;
    }

    private (Edition Edition, List<string> Warnings) Build(
        Publication publication,
        (DateOnly Date, int Number) identity,
        int? issueNumber,
        IReadOnlyList<ProcessedPage> pages,
        IReadOnlyList<PlannedArticle> planned,
        IReadOnlySet<string> manifestPages)
    {
        var edition = new Edition(publication, identity.Date, identity.Number) { IssueNumber = issueNumber };
        var warnings = new List<string>();
        var modelPages = new List<Page>();
        foreach (var processed in pages)
        {
            var source = processed.Source;
            var page = edition.AddPage(source.Page.Label, source.Page.Name, source.Size);
            page.ImageKey = processed.ImageKey;
            page.ImageWidth = processed.ImageWidth;
            page.ImageHeight = processed.ImageHeight;
            page.PdfKey = processed.PdfKey;
            page.DerivativesKey = processed.ImagesKey;
            page.Section = source.Page.Section;

            // The typesetting system's articles for a page need no one to check whether detection found them.
            var supplied = manifestPages.Contains(source.Page.Label);
            page.ReviewNote = supplied ? null : processed.ReviewNote;
            page.TextSource = supplied ? PageTextSource.Supplied : processed.TextSource;
            page.Doubts = supplied ? PageDoubts.None : processed.Doubts;
            if (page.ReviewNote is { } note)
            {
                warnings.Add($"{source.Page.FileName}: {note}");
            }

            modelPages.Add(page);
        }

        var joined = ContinuationJoiner.Join([.. pages.Select(p => (p.Source.Page.Label, manifestPages.Contains(p.Source.Page.Label) ? [] : p.Articles))]);

        // Edition reading order: by the page an article starts on; within a page, as detected or as the manifest lists them.
        var ordered = joined.Select((j, n) => (First: j.Parts.Min(p => p.Page), Order: n, Detected: (EditionArticle?)j, Planned: (PlannedArticle?)null))
            .Concat(planned.Select((a, n) => (First: a.FirstPage, Order: joined.Count + n, Detected: (EditionArticle?)null, Planned: (PlannedArticle?)a)))
            .OrderBy(x => x.First)
            .ThenBy(x => x.Order);
        foreach (var (_, _, item, plan) in ordered)
        {
            if (plan is not null)
            {
                var given = edition.AddArticle(plan.Content);
                foreach (var region in plan.Regions)
                {
                    given.AddRegion(modelPages[region.Page], region.Polygon);
                }

                foreach (var image in plan.Images)
                {
                    WithPhoto(given.AddImage(modelPages[image.Page], image.Polygon, image.Caption, image.Credit), pages[image.Page]);
                }

                continue;
            }

            var article = edition.AddArticle(item!.Content.ToContent());
            article.SetDetection(item.Parts.Min(p => p.Part.Confidence), item.Parts.Aggregate(ArticleDoubts.None, (d, p) => d | p.Part.Doubts));
            foreach (var (pageIndex, part) in item.Parts)
            {
                foreach (var region in part.Regions)
                {
                    // Outlines come with repeated and in-line corners; each is one more handle in the desk's editor.
                    article.AddRegion(modelPages[pageIndex], region.Simplified());
                }

                foreach (var image in part.Images)
                {
                    WithPhoto(article.AddImage(modelPages[pageIndex], image.Polygon, image.Caption, image.Credit), pages[pageIndex]);
                }
            }
        }

        var now = _clock.GetUtcNow();
        edition.MarkCreated(now);
        if (!publication.ImportAsDraft)
        {
            edition.Publish(now);
        }

        return (edition, warnings);
    }

    /// <summary>Gives a photo the images the page processor made of it, when it made them.</summary>
    private static void WithPhoto(ArticleImage image, ProcessedPage page)
    {
        if (page.Photos.TryGetValue(image.Polygon, out var photo))
        {
            image.SetPhoto(photo.Key, photo.Width, photo.Height);
        }
    }

    private static ImportException NoPublication(string slug) =>
        new($"no publication '{slug}'; create it first (broadsheet publication add {slug} --name …)");

    // Worded by whoever shows it: the command line names its flag, the desk its checkbox.
    private static ImportException AlreadyExists(string slug, (DateOnly Date, int Number) identity)
    {
        var problem = new EditionExists(slug, identity.Date, identity.Number);
        return new(problem, problem.Describe());
    }
}
