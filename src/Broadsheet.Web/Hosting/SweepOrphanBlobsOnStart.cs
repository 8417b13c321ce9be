using Broadsheet.Ingest;

namespace Broadsheet.Web.Hosting;

/// <summary>
/// Once the server has started, deletes page PDFs and images no edition uses (what a killed import or
/// <c>--replace</c> left), in the background; it skips the sweep while an import runs (see <see cref="OrphanBlobSweep"/>).
/// </summary>
internal sealed class SweepOrphanBlobsOnStart(OrphanBlobSweep sweep, ILogger<SweepOrphanBlobsOnStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var deleted = await sweep.SweepAsync(stoppingToken);
            if (deleted is null)
            {
                logger.LogInformation("Blob sweep skipped: an import is running; the next start or the next import after a killed one sweeps.");
            }
            else if (deleted > 0)
            {
                logger.LogWarning("Deleted {Count} blobs no edition uses (left by an import that was killed).", deleted);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Blob sweep stopped; unused blobs are harmless and the next start tries again.");
        }
    }
}
