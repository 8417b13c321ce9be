using System.Globalization;
using Broadsheet.Core;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Archives.Alto;
using Broadsheet.Ingest.Archives.Mets;
using Broadsheet.Ingest.Packages;
using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest.Archives;

/// <summary>Where a batch is: issues done of all, and a line when an issue is finished or skipped.</summary>
/// <param name="Done">Issues imported or skipped so far.</param>
/// <param name="Total">Issues in the batch.</param>
/// <param name="Line">What happened to the issue just finished, or null while one is under way.</param>
/// <param name="Issue">The issue's import job's own progress, while one is under way.</param>
public sealed record BatchProgress(int Done, int Total, string? Line, ImportProgress? Issue = null);

/// <summary>What a batch import did.</summary>
public sealed record BatchResult(int Imported, int Skipped, int Pages, int Articles, IReadOnlyList<string> Warnings);

/// <summary>
/// Imports a library batch (METS/ALTO in the NDNP layout) issue by issue, each through the one import job, so each is
/// all-or-nothing: the whole batch is read and checked first, issues already in are skipped (a batch killed halfway
/// finishes on a rerun with nothing twice), and each page's ALTO stands in for OCR, so articles are detected from its
/// lines and blocks (or taken from the METS's ARTICLE divisions) and its line boxes are kept for search. A page without
/// ALTO is read from its PDF's text layer, or by the OCR engine where that is missing or junk or there is no PDF.
/// </summary>
public sealed class BatchImporter(
    IEditionStore store,
    IBlobStore blobs,
    IPageRasterizer rasterizer,
    IPageImageProcessor images,
    IPdfSanitizer sanitizer,
    DataFolder folder,
    TimeProvider clock,
    IOptions<IngestOptions> options,
    IPageOcr? ocr = null)
{
    /// <exception cref="ImportException">The batch, or an issue in it, cannot be imported; the message names the file.</exception>
    public async Task<BatchResult> ImportAsync(string batchFolder, string publicationSlug, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchFolder);
        var publication = await store.FindPublicationAsync(publicationSlug, cancellationToken)
            ?? throw new ImportException($"no publication '{publicationSlug}'; create it first (broadsheet publication add {publicationSlug} --name …)");
        var issues = await Task.Run(() => NdnpBatch.Read(batchFolder, cancellationToken), cancellationToken);
        var (imported, skipped, pages, articles) = (0, 0, 0, 0);
        var warnings = new List<string>();
        for (var i = 0; i < issues.Count; i++)
        {
            var issue = issues[i];
            if (await store.EditionExistsAsync(publication.Id, issue.Mets.Date, issue.Mets.Edition, cancellationToken))
            {
                skipped++;
                progress?.Report(new(i + 1, issues.Count, $"{issue.Describe()}: already in, skipped"));
                continue;
            }

            var alto = issue.ReadAlto();
            ImportResult result;
            using (var staging = StagingArea.Create(folder.StagingPath))
            {
                var package = await IssuePackage.StageAsync(issue, alto, staging.Path, cancellationToken);
                var importer = new EditionImporter(store, blobs, rasterizer, images, sanitizer, folder, clock, options, new AltoOcr(alto, ocr));
                var issueProgress = progress is null ? null : new Forward(p => progress.Report(new(i, issues.Count, null, p)));
                try
                {
                    result = await importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = publicationSlug, Date = issue.Mets.Date, ReadByOcr = alto.Keys.ToHashSet(StringComparer.Ordinal) }, issueProgress, cancellationToken);
                }
                catch (ImportException ex)
                {
                    throw new ImportException($"{issue.Mets.FileName}: {ex.Message}", ex);
                }
            }

            imported++;
            pages += result.PageCount;
            articles += result.ArticleCount;
            warnings.AddRange(result.Warnings.Select(w => $"{issue.Mets.FileName}: {w}"));
            progress?.Report(new(i + 1, issues.Count, string.Create(CultureInfo.InvariantCulture,
                $"{issue.Describe()}: {result.PageCount} pages, {result.ArticleCount} articles")));
        }

        return new BatchResult(imported, skipped, pages, articles, warnings);
    }

    private sealed class Forward(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
