using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Broadsheet.Core;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Desk.Imports;

/// <summary>
/// Runs the desk's uploads through the same <see cref="EditionImporter"/> the command line uses, one at a time per
/// node: an import already keeps every core busy, and two at once would only make both slower. The jobs are rows in
/// the database (<see cref="IImportJobStore"/>) and their uploads sit in the shared data folder's <c>staging/</c>, so
/// any node's worker may claim one and every node shows its progress. The node running a job writes its progress to
/// the row at most once a second, which renews its lease; a job whose lease lapses (its node died) is failed by the
/// next node that looks. A finished job stays viewable for <see cref="DeskUploadOptions.KeepFinishedMinutes"/>.
/// </summary>
internal sealed partial class ImportJobs : BackgroundService
{
    /// <summary>How long a claim holds without a heartbeat: well past the heartbeat, so a slow database write does not lose a job.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private const string FolderPrefix = "upload-";
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle worker looks for uploads other nodes received; its own uploads wake it at once.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, ImportJob> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly IImportJobStore _store;
    private readonly IServiceProvider _services;
    private readonly DeskUploadOptions _options;
    private readonly TimeProvider _clock;
    private readonly DataFolder _folder;
    private readonly ILogger<ImportJobs> _logger;
    private readonly Metrics.BroadsheetMetrics _metrics;
    private int _waiting;

    public ImportJobs(IServiceProvider services, IImportJobStore store, IOptions<DeskUploadOptions> options, TimeProvider clock, DataFolder folder, ILogger<ImportJobs> logger, Metrics.BroadsheetMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _store = store;
        _options = options.Value;
        _clock = clock;
        _folder = folder;
        _logger = logger;
        _metrics = metrics;
        // The database is not asked from the metrics callback: the worker counts the waiting jobs each time it looks.
        metrics.ObserveImportQueue(() => Volatile.Read(ref _waiting));
    }

    /// <summary>This process among the nodes sharing the database, as the job rows name the node that claimed them.</summary>
    public string Node { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>A new, empty staging folder for one upload, under the shared data folder's <c>staging/</c> beside the importer's own.</summary>
    public (string Id, string Folder) NewFolder()
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(_folder.StagingPath, FolderPrefix + id);
        Directory.CreateDirectory(folder);
        return (id, folder);
    }

    /// <summary>Queues <paramref name="job"/> for whichever node's worker is free first; false when too many uploads wait already.</summary>
    public async Task<bool> TryEnqueueAsync(ImportJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var request = job.Request with { SourcePath = Relative(job.Request.SourcePath) };
        var record = new ImportJobRecord(
            job.Id, job.Slug, job.PublicationName, job.Language, job.User, Relative(job.Folder), JsonSerializer.Serialize(request, Json),
            ImportJobPhase.Waiting, null, null, null, null, job.QueuedAt, null, null);
        // Waiting jobs plus one: the channel this replaced held that many besides the one running.
        if (!await _store.TryAddAsync(record, _options.MaxWaiting + 1, cancellationToken))
        {
            return false;
        }

        Interlocked.Increment(ref _waiting);
        _wake.Release();
        return true;
    }

    /// <summary>How the import stands, from this node's own worker when it runs it, else from the database; null when unknown or long finished.</summary>
    public async Task<ImportJobState?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (_running.TryGetValue(id, out var local))
        {
            return local.Snapshot();
        }

        if (await _store.FindAsync(id, cancellationToken) is not { } row
            || row.FinishedAt is { } finished && finished < _clock.GetUtcNow() - TimeSpan.FromMinutes(_options.KeepFinishedMinutes))
        {
            return null;
        }

        return StateOf(row);
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>A row as the job page shows it: the running node's last snapshot, or waiting; a failure written by another node wins.</summary>
    internal static ImportJobState StateOf(ImportJobRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var state = row.Progress is { } progress
            ? JsonSerializer.Deserialize<ImportJobState>(progress, Json)!
            : new ImportJobState(row.Id, row.Publication, row.PublicationName, JobStatus.Queued, null, ImportJob.StageText(JobStatus.Queued, null), 1, 0, 0, [], null, null);
        return row.Phase == ImportJobPhase.Failed && state.Status != JobStatus.Failed
            ? state with { Status = JobStatus.Failed, StageText = ImportJob.StageText(JobStatus.Failed, null), Error = row.Error }
            : state;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FailLapsedAsync(stoppingToken);
                if (first)
                {
                    RemoveLeftovers(await LiveFoldersAsync(stoppingToken));
                    first = false;
                }

                await _store.PruneAsync(_clock.GetUtcNow() - TimeSpan.FromMinutes(_options.KeepFinishedMinutes), stoppingToken);
                var now = _clock.GetUtcNow();
                var claimed = await _store.ClaimNextAsync(Node, now, now + Lease, stoppingToken);
                Volatile.Write(ref _waiting, await _store.CountWaitingAsync(stoppingToken));
                if (claimed is not null)
                {
                    await RunAsync(claimed, stoppingToken);
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment; the worker must outlive that and look again.
                LogWorkerFailed(_logger, ex);
            }

            try
            {
                await _wake.WaitAsync(PollEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync(ImportJobRecord row, CancellationToken stoppingToken)
    {
        var request = JsonSerializer.Deserialize<ImportRequest>(row.Request, Json)!;
        request = request with { SourcePath = Absolute(request.SourcePath) };
        var job = new ImportJob(row.Id, row.Publication, row.PublicationName, row.UploadedBy, request, Absolute(row.Folder), row.QueuedAt) { Language = row.Language };
        _running[job.Id] = job;
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopReporting = new CancellationTokenSource();
        var reporting = ReportAsync(job, lost, stopReporting.Token);
        JobResult? result = null;
        string? failure = null;
        var audited = true;
        try
        {
            await using var scope = _services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<EditionImporter>();
            var imported = await importer.ImportAsync(job.Request, job, lost.Token);
            await scope.ServiceProvider.GetRequiredService<IReaderCache>().InvalidateAsync(imported.PublicationSlug, imported.Date, CancellationToken.None);
            result = await JobResults.DescribeAsync(scope.ServiceProvider.GetRequiredService<IDeskReader>(), job.Slug, imported, CancellationToken.None);
        }
        catch (ImportException ex)
        {
            failure = ex.Problem is { } problem ? DeskProblemText.For(problem, job.PublicationName, job.Language) : ex.Message;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            failure = "服务器正在停止，导入已取消，什么也没有改动。";
            audited = false;
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // Another node failed the job as lapsed (this one could not reach the database for a lease): it is theirs to tell.
            failure = "导入被中止，什么也没有改动。";
            audited = false;
        }
        catch (Exception ex)
        {
            LogFailed(_logger, job.Slug, ex);
            failure = "导入出错，什么也没有改动：" + ex.Message;
        }
        finally
        {
            // Before the job says it is finished, so whoever sees it finished finds staging clean.
            DeleteQuietly(job.Folder);
            await stopReporting.CancelAsync();
            await reporting;
        }

        await (result is not null ? AuditSuccessAsync(job, result) : audited ? AuditFailureAsync(job, failure!) : Task.CompletedTask);
        if (result is not null)
        {
            _metrics.Imported(result.PageCount);
            job.Succeed(result, _clock.GetUtcNow());
        }
        else
        {
            _metrics.ImportFailed();
            job.Fail(failure!, _clock.GetUtcNow());
        }

        try
        {
            await _store.FinishAsync(job.Id, Node, JsonSerializer.Serialize(job.Snapshot(), Json), failure, _clock.GetUtcNow(), CancellationToken.None);
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
        }
    }

    /// <summary>
    /// Writes the job's progress to its row when it changed, at most once a <see cref="ReportEvery"/>, and at least every
    /// <see cref="HeartbeatEvery"/>, each write renewing the lease. When the row is no longer this node's, cancels <paramref name="lost"/>.
    /// </summary>
    private async Task ReportAsync(ImportJob job, CancellationTokenSource lost, CancellationToken stop)
    {
        string? written = null;
        var since = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ReportEvery, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            since += ReportEvery;
            var progress = JsonSerializer.Serialize(job.Snapshot(), Json);
            if (string.Equals(progress, written, StringComparison.Ordinal) && since < HeartbeatEvery)
            {
                continue;
            }

            try
            {
                if (!await _store.ReportAsync(job.Id, Node, progress, _clock.GetUtcNow() + Lease, stop))
                {
                    await lost.CancelAsync();
                    return;
                }

                written = progress;
                since = TimeSpan.Zero;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A missed write is made up by the next; the lease outlasts several.
                LogWorkerFailed(_logger, ex);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Fails the jobs whose node stopped mid-import (its lease lapsed), with a message in the publication's language, and
    /// removes their uploads. Failed, not queued again: an upload that brought its node down (memory, a tool that hangs)
    /// would bring down each node in turn, and an import that had saved just before its node died would come back as
    /// "already exists". An import saves the whole edition or nothing: the message says which (see <see cref="LapsedTextAsync"/>).
    /// </summary>
    private async Task FailLapsedAsync(CancellationToken cancellationToken)
    {
        foreach (var job in await _store.FailLapsedAsync(_clock.GetUtcNow(), LapsedTextAsync, cancellationToken))
        {
            DeleteQuietly(Absolute(job.Folder));
            _metrics.ImportFailed();
            var request = JsonSerializer.Deserialize<ImportRequest>(job.Request, Json)!;
            await AuditAsync(job.UploadedBy, "import-failed", job.Publication, request.Date is { } date ? $"{job.Publication} {ReaderUrls.Date(date)}" : job.Publication, job.Error!);
        }
    }

    /// <summary>
    /// What a lapsed job tells the editor. A node may die after its import saved the edition and before it marked the job
    /// done: then the job's day has an edition made after the job started (an import makes a new edition, replacing or
    /// not, stamped when it is saved), and the editor is sent to it instead of being told to upload again, which would
    /// only get "already exists". Otherwise nothing was changed. A job whose date is read from its files' names has no
    /// date here, and is told that nothing was changed.
    /// </summary>
    private async Task<string> LapsedTextAsync(ImportJobRecord job, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<ImportRequest>(job.Request, Json)!;
        if (request.Date is { } date && job.StartedAt is { } started)
        {
            await using var scope = _services.CreateAsyncScope();
            var publication = await scope.ServiceProvider.GetRequiredService<IEditionStore>().FindPublicationAsync(job.Publication, cancellationToken);
            if (publication is not null
                && await scope.ServiceProvider.GetRequiredService<IDeskReader>().FindEditionAsync(publication.Id, date, 1, cancellationToken) is { } edition
                && edition.CreatedAt >= started)
            {
                return SavedText(job.Language, job.Publication, date);
            }
        }

        return StoppedText(job.Language);
    }

    internal static string SavedText(string? language, string slug, DateOnly date) =>
        Reader.Localization.PublicationCulture.IsEnglishFor(language)
            ? $"The server running this import stopped after the edition of {ReaderUrls.Date(date)} was saved. It is at /desk/{slug}/{ReaderUrls.Date(date)}: check it there rather than uploading again."
            : $"运行这次导入的服务器在 {ReaderUrls.Date(date)} 这一期保存之后停止了。这一期在 /desk/{slug}/{ReaderUrls.Date(date)}，请到那里检查，不必重新上传。";

    internal static string StoppedText(string? language) =>
        Reader.Localization.PublicationCulture.IsEnglishFor(language)
            ? "The server running this import stopped before it finished, so nothing was changed. Please upload the edition again."
            : "运行这次导入的服务器中途停止了，什么也没有改动。请重新上传这一期。";

    private Task AuditSuccessAsync(ImportJob job, JobResult result) =>
        AuditAsync(job.User, "import", job.Slug, $"{job.Slug} {result.Date}", string.Create(
            CultureInfo.InvariantCulture,
            $"{result.PageCount} 版, {result.ArticleCount} 篇文章, {(result.Draft ? "草稿" : "已发布")}{(result.Replaced ? ", 替换了原有一期" : "")}"));

    private Task AuditFailureAsync(ImportJob job, string message) =>
        AuditAsync(job.User, "import-failed", job.Slug, job.Request.Date is { } date ? $"{job.Slug} {ReaderUrls.Date(date)}" : job.Slug, message);

    private async Task AuditAsync(string user, string action, string slug, string subject, string details)
    {
        try
        {
            await _services.GetRequiredService<DeskAudit>().WriteAsync(user, action, slug, subject, details, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The edition is saved (or nothing changed); a lost audit line must not turn that into a failure.
            LogFailed(_logger, slug, ex);
        }
    }

    /// <summary>Removes an upload's folder when it was refused before it became a job.</summary>
    public static void Discard(string folder) => DeleteQuietly(folder);

    private async Task<HashSet<string>> LiveFoldersAsync(CancellationToken cancellationToken)
    {
        var live = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(_folder.StagingPath))
        {
            return live;
        }

        foreach (var folder in Directory.EnumerateDirectories(_folder.StagingPath, FolderPrefix + "*"))
        {
            var id = Path.GetFileName(folder)[FolderPrefix.Length..];
            if (await _store.FindAsync(id, cancellationToken) is { Phase: ImportJobPhase.Waiting or ImportJobPhase.Running })
            {
                live.Add(folder);
            }
        }

        return live;
    }

    /// <summary>
    /// At start-up, removes the uploads no waiting or running job needs. The staging folder is shared by every node, and
    /// another node may be receiving an upload whose job is not saved yet: only folders untouched for a day go.
    /// </summary>
    private void RemoveLeftovers(HashSet<string> live)
    {
        if (!Directory.Exists(_folder.StagingPath))
        {
            return;
        }

        var cutoff = _clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1);
        foreach (var folder in Directory.EnumerateDirectories(_folder.StagingPath, FolderPrefix + "*"))
        {
            if (!live.Contains(folder) && Directory.GetLastWriteTimeUtc(folder) < cutoff)
            {
                DeleteQuietly(folder);
            }
        }
    }

    /// <summary>Paths in the rows are relative to the data folder, which nodes may mount in different places.</summary>
    private string Relative(string path) => Path.GetRelativePath(_folder.Root, path);

    private string Absolute(string path) => Path.GetFullPath(Path.Combine(_folder.Root, path));

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Scratch space: the next start removes what is left.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import worker could not reach the database; it looks again shortly.")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of an upload for {Slug} failed.")]
    private static partial void LogFailed(ILogger logger, string slug, Exception exception);
}
