using Broadsheet.Core;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Archives.Founder;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Archives;

/// <summary>
/// What <c>broadsheet import</c> calls: an edition package as <see cref="EditionImporter"/> takes it, or a
/// typesetting system's export of its pages (Founder's 方正见报XML with the page PDFs or images beside it), turned
/// into such a package first, so both go through the one import job. See docs/formats.md.
/// </summary>
public sealed class ArchiveImporter(EditionImporter importer, IEditionStore store, DataFolder folder)
{
    /// <inheritdoc cref="EditionImporter.ImportAsync"/>
    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exports = FounderPackage.Find(request.SourcePath);
        if (exports.Count == 0)
        {
            return await importer.ImportAsync(request, progress, cancellationToken);
        }

        // Held like an import's own staging folder, so a killed run's copy is removed by the next import.
        using var staging = StagingArea.Create(folder.StagingPath);
        var (package, pages) = FounderPackage.Stage(request.SourcePath, exports, staging.Path);
        var result = await importer.ImportAsync(request with { SourcePath = package }, progress, cancellationToken);
        var language = (await store.FindPublicationAsync(request.PublicationSlug, cancellationToken))?.Language ?? "zh-CN";
        var detector = new SimpleArticleDetector();
        var checks = pages.SelectMany(p => ExportChecks.Run(p, language, detector)).ToList();
        return result with { Warnings = [.. result.Warnings, .. checks] };
    }
}
