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

    public EditionImporter(
        IEditionStore store,
        IBlobStore blobs,
        IPageRasterizer rasterizer,
        IPageImageProcessor images,
        DataFolder folder,
        TimeProvider clock,
        IOptions<IngestOptions> options)
        : this(store, blobs, rasterizer, images, folder, clock, options, new SimpleArticleDetector())
    {
    }

    internal EditionImporter(
        IEditionStore store,
        IBlobStore blobs,
        IPageRasterizer rasterizer,
        IPageImageProcessor images,
        DataFolder folder,
        TimeProvider clock,
        IOptions<IngestOptions> options,
        IArticleDetector detector)
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
    }

    /// <summary>Imports the package <paramref name="request"/> names.</summary>
    /// <exception cref="ImportException">The package, a page or the request cannot be imported; nothing was changed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was changed.</exception>
    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var display = EditionPackage.DisplayNameOf(request.SourcePath);
        var date = request.Date ?? EditionDate.FromName(request.SourcePath)
            ?? throw new ImportException($"{display}: no edition date in the name; name the package like 2026-11-02 or give the date");
        var slug = request.PublicationSlug;
        var publication = await _store.FindPublicationAsync(slug, cancellationToken)
            ?? throw new ImportException($"no publication '{slug}'; create it first (broadsheet publication add {slug} --name …)");
        var exists = await _store.EditionExistsAsync(publication.Id, date, 1, cancellationToken);
        if (exists && !request.Replace)
        {
            throw AlreadyExists(date, slug);
        }

        var staging = Path.Combine(_folder.StagingPath, "import-" + Guid.NewGuid().ToString("N"));
        var blobs = new ImportBlobs(_blobs);
        Edition edition;
        IReadOnlyList<string> unused;
        List<string> warnings;
        try
        {
            Directory.CreateDirectory(staging);
            progress?.Report(new(ImportStage.Unpacking, null, 0, 0));
            var limits = new PackageLimits(_options.MaxPackageBytes, _options.MaxPackageEntries);
            var package = await Task.Run(() => EditionPackage.Open(request.SourcePath, staging, limits, cancellationToken), cancellationToken);
            var validated = await ValidateAsync(package, progress, cancellationToken);
            var pages = await ProcessAsync(validated, staging, HanScripts.FromLanguage(publication.Language), blobs, progress, cancellationToken);
            (edition, warnings) = Build(publication, date, pages);
            progress?.Report(new(ImportStage.Saving, null, pages.Count, pages.Count));
            unused = await _store.SaveEditionAsync(edition, request.Replace, cancellationToken);
        }
        catch (Exception ex)
        {
            await blobs.DeleteAddedAsync();
            if (ex is DomainException domain)
            {
                // Another import saved this edition after our check, or the model refused what was detected.
                var appeared = !request.Replace && await _store.EditionExistsAsync(publication.Id, date, 1, CancellationToken.None);
                throw appeared ? AlreadyExists(date, slug) : new ImportException($"{display}: {domain.Message}", domain);
            }

            throw;
        }
        finally
        {
            DeleteDirectoryQuietly(staging);
        }

        await ImportBlobs.DeleteQuietlyAsync(_blobs, unused);
        progress?.Report(new(ImportStage.Done, null, edition.Pages.Count, edition.Pages.Count));
        return new ImportResult
        {
            EditionId = edition.Id,
            PublicationSlug = slug,
            Date = date,
            PageCount = edition.Pages.Count,
            ArticleCount = edition.Articles.Count,
            Replaced = exists,
            Warnings = warnings,
        };
    }

    private int Parallelism => _options.MaxParallelism > 0 ? _options.MaxParallelism : Environment.ProcessorCount;

    private async Task<IReadOnlyList<ValidatedPage>> ValidateAsync(EditionPackage package, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var count = package.Pages.Count;
        var results = new ValidatedPage?[count];
        var errors = new ImportException?[count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            (i, ct) =>
            {
                var page = package.Pages[i];
                progress?.Report(new(ImportStage.Validating, page.Label, Volatile.Read(ref done), count));
                try
                {
                    results[i] = PdfValidator.Validate(page);
                }
                catch (ImportException ex)
                {
                    errors[i] = ex;
                }

                Interlocked.Increment(ref done);
                return ValueTask.CompletedTask;
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

    private async Task<IReadOnlyList<ProcessedPage>> ProcessAsync(
        IReadOnlyList<ValidatedPage> pages,
        string staging,
        HanScript script,
        ImportBlobs blobs,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var results = new ProcessedPage[pages.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, pages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                void Report(ImportStage stage) => progress?.Report(new(stage, pages[i].Page.Label, Volatile.Read(ref done), pages.Count));
                results[i] = await new PageProcessor(_rasterizer, _detector, _images, _options.RasterWidth, script)
                    .ProcessAsync(pages[i], staging, Report, blobs, ct);
                Interlocked.Increment(ref done);
                Report(ImportStage.Storing);
            });
        return results;
    }

    private (Edition Edition, List<string> Warnings) Build(Publication publication, DateOnly date, IReadOnlyList<ProcessedPage> pages)
    {
        var edition = new Edition(publication, date);
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
            page.ReviewNote = processed.ReviewNote;
            if (processed.ReviewNote is { } note)
            {
                warnings.Add($"{source.Page.FileName}: {note}");
            }

            modelPages.Add(page);
        }

        var joined = ContinuationJoiner.Join([.. pages.Select(p => (p.Source.Page.Label, p.Articles))]);
        foreach (var item in joined)
        {
            var article = edition.AddArticle(item.Content.ToContent());
            foreach (var (pageIndex, part) in item.Parts)
            {
                foreach (var region in part.Regions)
                {
                    article.AddRegion(modelPages[pageIndex], region);
                }

                foreach (var image in part.Images)
                {
                    article.AddImage(modelPages[pageIndex], image.Polygon, image.Caption, image.Credit);
                }
            }
        }

        var now = _clock.GetUtcNow();
        edition.MarkCreated(now);
        edition.Publish(now);
        return (edition, warnings);
    }

    private static ImportException AlreadyExists(DateOnly date, string slug) =>
        new(string.Create(CultureInfo.InvariantCulture, $"edition {date:yyyy-MM-dd} of {slug} already exists; use --replace to replace it"));

    private static void DeleteDirectoryQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The staging folder is scratch space, safe to empty when no import runs.
        }
    }
}
