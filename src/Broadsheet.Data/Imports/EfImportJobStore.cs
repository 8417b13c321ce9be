using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Imports;

/// <summary>
/// The desk's import jobs in the database. Every change of state is one conditional UPDATE whose rows affected say
/// whether it happened, so two nodes racing for a job (or a worker and a node failing its lapsed lease) never both win,
/// on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class EfImportJobStore(IDbContextFactory<BroadsheetDbContext> contexts) : IImportJobStore
{
    public async Task<bool> TryAddAsync(ImportJobRecord job, int maxWaiting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Not atomic with the insert: two nodes at the limit may each add one more. The limit keeps uploads from piling
        // up on disk, and one over it does no harm.
        if (await db.ImportJobs.CountAsync(j => j.State == ImportJobPhase.Waiting, cancellationToken) >= maxWaiting)
        {
            return false;
        }

        db.ImportJobs.Add(ImportJobRow.From(job));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<ImportJobRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        return row?.ToRecord();
    }

    public async Task<int> CountWaitingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ImportJobs.CountAsync(j => j.State == ImportJobPhase.Waiting, cancellationToken);
    }

    public async Task<ImportJobRecord?> ClaimNextAsync(string node, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var started = now.ToUnixTimeMilliseconds();
        var lease = leaseUntil.ToUnixTimeMilliseconds();
        // A few tries: another node may take the oldest between the read and the update, and the next one is then ours.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var id = await db.ImportJobs
                .Where(j => j.State == ImportJobPhase.Waiting)
                .OrderBy(j => j.QueuedAt)
                .ThenBy(j => j.Id)
                .Select(j => j.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                return null;
            }

            var claimed = await db.ImportJobs
                .Where(j => j.Id == id && j.State == ImportJobPhase.Waiting)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(j => j.State, ImportJobPhase.Running)
                        .SetProperty(j => j.Node, node)
                        .SetProperty(j => j.LeaseUntil, lease)
                        .SetProperty(j => j.StartedAt, started),
                    cancellationToken);
            if (claimed == 1)
            {
                return (await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken)).ToRecord();
            }
        }

        return null;
    }

    public async Task<bool> ReportAsync(string id, string node, string progress, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lease = leaseUntil.ToUnixTimeMilliseconds();
        return await db.ImportJobs
            .Where(j => j.Id == id && j.Node == node && j.State == ImportJobPhase.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Progress, progress).SetProperty(j => j.LeaseUntil, lease), cancellationToken) == 1;
    }

    public async Task FinishAsync(string id, string node, string progress, string? error, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var finished = at.ToUnixTimeMilliseconds();
        var state = error is null ? ImportJobPhase.Done : ImportJobPhase.Failed;
        await db.ImportJobs
            .Where(j => j.Id == id && j.Node == node && j.State == ImportJobPhase.Running)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.State, state)
                    .SetProperty(j => j.Progress, progress)
                    .SetProperty(j => j.Error, error)
                    .SetProperty(j => j.LeaseUntil, (long?)null)
                    .SetProperty(j => j.FinishedAt, finished),
                cancellationToken);
    }

    public async Task<IReadOnlyList<ImportJobRecord>> FailLapsedAsync(DateTimeOffset now, Func<ImportJobRecord, CancellationToken, Task<string>> error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = now.ToUnixTimeMilliseconds();
        var lapsed = await db.ImportJobs.AsNoTracking()
            .Where(j => j.State == ImportJobPhase.Running && j.LeaseUntil < cutoff)
            .ToListAsync(cancellationToken);
        var failed = new List<ImportJobRecord>();
        foreach (var row in lapsed)
        {
            var message = await error(row.ToRecord(), cancellationToken);
            // The node may have renewed its lease or finished since the read: then the job is still its own.
            var changed = await db.ImportJobs
                .Where(j => j.Id == row.Id && j.State == ImportJobPhase.Running && j.LeaseUntil < cutoff)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(j => j.State, ImportJobPhase.Failed)
                        .SetProperty(j => j.Error, message)
                        .SetProperty(j => j.LeaseUntil, (long?)null)
                        .SetProperty(j => j.FinishedAt, cutoff),
                    cancellationToken);
            if (changed == 1)
            {
                failed.Add((await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == row.Id, cancellationToken)).ToRecord());
            }
        }

        return failed;
    }

    public async Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = before.ToUnixTimeMilliseconds();
        await db.ImportJobs
            .Where(j => (j.State == ImportJobPhase.Done || j.State == ImportJobPhase.Failed) && j.FinishedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
