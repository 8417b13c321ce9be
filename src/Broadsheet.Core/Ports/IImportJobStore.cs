namespace Broadsheet.Core.Ports;

/// <summary>Where a desk upload's import stands: waiting for a worker, being imported by one, or finished.</summary>
public enum ImportJobPhase
{
    Waiting,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One desk upload's import as the database keeps it, so every web node sees it and any node's worker may run it.
/// </summary>
/// <param name="Id">The upload's id (also its staging folder's name).</param>
/// <param name="Publication">The publication's slug.</param>
/// <param name="Language">The publication's language, to word a failure written by another node.</param>
/// <param name="UploadedBy">Who uploaded it, for the audit log.</param>
/// <param name="Folder">The staging folder under the shared data folder, removed when the job ends.</param>
/// <param name="Request">What the importer is asked to do (source path, date, replace), as the web layer wrote it.</param>
/// <param name="Progress">The latest progress (or the result) as the running worker wrote it; null while waiting.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Node">The node that claimed it.</param>
/// <param name="LeaseUntil">When the claim lapses unless the node renews it (its heartbeat).</param>
public sealed record ImportJobRecord(
    string Id,
    string Publication,
    string PublicationName,
    string? Language,
    string UploadedBy,
    string Folder,
    string Request,
    ImportJobPhase Phase,
    string? Progress,
    string? Error,
    string? Node,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>
/// The desk's import jobs, shared by every node through the database. A worker claims a waiting job atomically, so
/// two nodes never run the same upload; it renews its lease as it reports, and a job whose lease lapsed (its node died)
/// is failed by whichever node looks next.
/// </summary>
public interface IImportJobStore
{
    /// <summary>Adds a waiting job unless <paramref name="maxWaiting"/> jobs wait already; false when refused.</summary>
    Task<bool> TryAddAsync(ImportJobRecord job, int maxWaiting, CancellationToken cancellationToken = default);

    Task<ImportJobRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<int> CountWaitingAsync(CancellationToken cancellationToken = default);

    /// <summary>The oldest waiting job, now running on <paramref name="node"/>; null when none waits or another node took it first.</summary>
    Task<ImportJobRecord?> ClaimNextAsync(string node, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Writes progress and renews the lease; false when the job is no longer this node's (it was failed as lapsed).</summary>
    Task<bool> ReportAsync(string id, string node, string progress, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Ends a job this node runs: done with its last progress (the result), or failed with <paramref name="error"/>.</summary>
    Task FinishAsync(string id, string node, string progress, string? error, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fails every running job whose lease ended before <paramref name="now"/>, each with the message
    /// <paramref name="error"/> gives it, and returns them as they are now.
    /// </summary>
    Task<IReadOnlyList<ImportJobRecord>> FailLapsedAsync(DateTimeOffset now, Func<ImportJobRecord, CancellationToken, Task<string>> error, CancellationToken cancellationToken = default);

    /// <summary>Forgets jobs finished before <paramref name="before"/>.</summary>
    Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
