using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Desk.Imports;

/// <summary>
/// Runs the desk's uploads through the same <see cref="EditionImporter"/> the command line uses, one at a
/// time: an import already keeps every core busy, and two at once would only make both slower. Jobs live in
/// memory; a finished one stays viewable for <see cref="DeskUploadOptions.KeepFinishedMinutes"/>.
/// </summary>
internal sealed partial class ImportJobs : BackgroundService
{
    private const string FolderPrefix = "upload-";
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<ImportJob> _queue;
    private readonly IServiceProvider _services;
    private readonly DeskUploadOptions _options;
    private readonly TimeProvider _clock;
    private readonly DataFolder _folder;
    private readonly ILogger<ImportJobs> _logger;
    private readonly Metrics.BroadsheetMetrics _metrics;

    public ImportJobs(IServiceProvider services, IOptions<DeskUploadOptions> options, TimeProvider clock, DataFolder folder, ILogger<ImportJobs> logger, Metrics.BroadsheetMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _options = options.Value;
        _clock = clock;
        _folder = folder;
        _logger = logger;
        // Waiting jobs plus the one running: beyond that an upload is refused rather than left to pile up on disk.
        _queue = Channel.CreateBounded<ImportJob>(new BoundedChannelOptions(_options.MaxWaiting + 1) { SingleReader = true });
        _metrics = metrics;
        metrics.ObserveImportQueue(() => _queue.Reader.Count);
    }

    /// <summary>A new, empty staging folder for one upload, under the data folder's <c>staging/</c> beside the importer's own.</summary>
    public (string Id, string Folder) NewFolder()
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(_folder.StagingPath, FolderPrefix + id);
        Directory.CreateDirectory(folder);
        return (id, folder);
    }

    /// <summary>Queues <paramref name="job"/>; false when too many uploads wait already.</summary>
    public bool TryEnqueue(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Prune();
        _jobs[job.Id] = job;
        if (_queue.Writer.TryWrite(job))
        {
            return true;
        }

        _jobs.TryRemove(job.Id, out _);
        return false;
    }

    public ImportJob? Find(string id)
    {
        Prune();
        return _jobs.TryGetValue(id, out var job) ? job : null;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Jobs live in memory, so folders from before a restart belong to no one.
        RemoveLeftovers();
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        JobResult? result = null;
        string? failure = null;
        var audited = true;
        try
        {
            await using var scope = _services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<EditionImporter>();
            var imported = await importer.ImportAsync(job.Request, job, stoppingToken);
            await scope.ServiceProvider.GetRequiredService<IReaderCache>().InvalidateAsync(imported.PublicationSlug, imported.Date, CancellationToken.None);
            result = await DescribeAsync(scope.ServiceProvider, job.Slug, imported, CancellationToken.None);
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
        catch (Exception ex)
        {
            LogFailed(_logger, job.Slug, ex);
            failure = "导入出错，什么也没有改动：" + ex.Message;
        }
        finally
        {
            // Before the job says it is finished, so whoever sees it finished finds staging clean.
            DeleteQuietly(job.Folder);
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
    }

    private Task AuditSuccessAsync(ImportJob job, JobResult result) =>
        AuditAsync(job, "import", $"{job.Slug} {result.Date}", string.Create(
            CultureInfo.InvariantCulture,
            $"{result.PageCount} 版, {result.ArticleCount} 篇文章, {(result.Draft ? "草稿" : "已发布")}{(result.Replaced ? ", 替换了原有一期" : "")}"));

    private Task AuditFailureAsync(ImportJob job, string message) =>
        AuditAsync(job, "import-failed", job.Request.Date is { } date ? $"{job.Slug} {ReaderUrls.Date(date)}" : job.Slug, message);

    private async Task AuditAsync(ImportJob job, string action, string subject, string details)
    {
        try
        {
            await _services.GetRequiredService<DeskAudit>().WriteAsync(job.User, action, job.Slug, subject, details, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The edition is saved (or nothing changed); a lost audit line must not turn that into a failure.
            LogFailed(_logger, job.Slug, ex);
        }
    }

    /// <summary>The edition as it was saved: a line per page in edition order, with the articles that have a region on it.</summary>
    private static async Task<JobResult> DescribeAsync(IServiceProvider services, string slug, ImportResult imported, CancellationToken cancellationToken)
    {
        var edition = await services.GetRequiredService<IDeskReader>().EditionAsync(imported.EditionId, cancellationToken)
            ?? throw new InvalidOperationException($"The imported edition {imported.EditionId} is not in the database.");
        var published = edition.Status == EditionStatus.Published;
        var date = ReaderUrls.Date(imported.Date);
        return new JobResult(
            date,
            Draft: !published,
            imported.Replaced,
            imported.PageCount,
            imported.ArticleCount,
            [.. edition.Pages.OrderBy(p => p.Order).Select(p => new PageResult(p.Label, p.Name, ArticleHomes.On(edition, p).Count, p.ReviewNote))],
            imported.Warnings,
            $"/desk/{slug}/{date}",
            published ? ReaderUrls.Edition(slug, imported.Date, edition.Number) : null);
    }

    private void Prune()
    {
        var cutoff = _clock.GetUtcNow() - TimeSpan.FromMinutes(_options.KeepFinishedMinutes);
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt is { } finished && finished < cutoff)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Removes an upload's folder when it was refused before it became a job.</summary>
    public static void Discard(string folder) => DeleteQuietly(folder);

    private void RemoveLeftovers()
    {
        if (!Directory.Exists(_folder.StagingPath))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(_folder.StagingPath, FolderPrefix + "*"))
        {
            if (!_jobs.ContainsKey(Path.GetFileName(folder)[FolderPrefix.Length..]))
            {
                DeleteQuietly(folder);
            }
        }
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of an upload for {Slug} failed.")]
    private static partial void LogFailed(ILogger logger, string slug, Exception exception);
}
