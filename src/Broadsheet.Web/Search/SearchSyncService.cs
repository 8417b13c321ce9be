using Broadsheet.Search;

namespace Broadsheet.Web.Search;

/// <summary>
/// Keeps the server's search index in step with the database: at start it checks the index (a missing,
/// damaged or outdated one is rebuilt from the database while searches answer from what is there) and runs a
/// few searches so the first reader's does not wait for the code to compile, then it applies edition changes
/// as they are recorded, within a couple of seconds, whoever made them.
/// </summary>
internal sealed partial class SearchSyncService(IServiceProvider services, SearchNudge nudge, ILogger<SearchSyncService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ready = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Interval;
            try
            {
                var sync = services.GetRequiredService<SearchSync>();
                if (!ready)
                {
                    var index = services.GetRequiredService<SearchIndex>();
                    if (index.HealthAtOpen.NeedsRebuild)
                    {
                        LogRebuilding(logger, index.Path, index.HealthAtOpen.Message);
                    }

                    var result = await sync.EnsureCurrentAsync(cancellationToken: stoppingToken);
                    ready = true;
                    LogReady(logger, index.DocumentCount, result.Rebuilt ? "rebuilt" : "checked");
                    index.Warm();
                }
                else
                {
                    var result = await sync.CatchUpAsync(stoppingToken);
                    if (result.Editions > 0)
                    {
                        LogCaughtUp(logger, result.Editions);
                    }
                }
            }
            catch (SearchIndexInUseException ex)
            {
                LogInUse(logger, ex.Message);
                wait = Busy;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
                wait = Busy;
            }

            try
            {
                await nudge.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index at {Path}: {Problem}; rebuilding it from the database (searches answer from what is there meanwhile).")]
    private static partial void LogRebuilding(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index {How}: {Count} articles.")]
    private static partial void LogReady(ILogger logger, int count, string how);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index updated for {Count} changed edition(s).")]
    private static partial void LogCaughtUp(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index not updated: {Reason}; trying again shortly.")]
    private static partial void LogInUse(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index update failed; trying again shortly.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
