using Broadsheet.Core.Ports;
using Broadsheet.Web.Search;

namespace Broadsheet.Web.Caching;

/// <summary>
/// Hears the edition changes other processes commit to a shared database (PostgreSQL's notifications) and drops this
/// node's cached pages of that publication at once, and wakes the search index's catch-up. A lost connection is
/// listened to again after a pause, and everything cached is dropped, since notices may have passed meanwhile.
/// Does nothing on SQLite, where the stamp watcher's polling covers other processes.
/// </summary>
internal sealed partial class NoticeListener(
    IEditionNotices notices, PageCacheInvalidation cache, ReaderPageStore store, SearchNudge search, ILogger<NoticeListener> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notices.Live)
        {
            return;
        }

        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var edition in notices.ListenAsync(stoppingToken))
                {
                    if (lost)
                    {
                        // The first notice proves the connection is back; what came while it was down is unknown.
                        LogBack(logger, store.Clear());
                        lost = false;
                    }

                    cache.Drop(edition.PublicationSlug, edition.Date);
                    search.Wake();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLost(logger, e);
                lost = true;
                store.Clear();
                try
                {
                    await Task.Delay(Pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the database's change notices; listening again shortly (the stamp watcher still polls).")]
    private static partial void LogLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change notices back; {Count} cached reader pages dropped in case a change passed unheard.")]
    private static partial void LogBack(ILogger logger, int count);
}
