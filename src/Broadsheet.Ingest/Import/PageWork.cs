using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Import;

/// <summary>The work on one page, whichever kind of file it came as (see <see cref="PageProcessor.ProcessAsync"/>).</summary>
internal delegate Task<ProcessedPage> PageWork(
    ValidatedPage page,
    string staging,
    Action<ImportStage> report,
    ImportBlobs blobs,
    CancellationToken cancellationToken);
