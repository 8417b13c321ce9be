using Broadsheet.Web.Published;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Caching;

/// <summary>
/// Looks at every edition's stamp (id, status, times) every few seconds and invalidates the reader cache for
/// those that changed: imports run by the command line in another process publish without calling
/// <see cref="IReaderCache"/>. One small query per poll, whatever the traffic.
/// </summary>
internal sealed class EditionStampWatcher(
    PublishedEditions editions, IReaderCache cache, IOptions<ReaderCacheOptions> options, TimeProvider clock, ILogger<EditionStampWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.PollSeconds;
        if (seconds <= 0)
        {
            return;
        }

        Dictionary<(string Slug, DateOnly Date, int Number), EditionStampRow>? known = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                var rows = await editions.StampsAsync(stoppingToken);
                var now = rows.ToDictionary(r => (r.Slug, r.Date, r.Number));
                if (known is not null)
                {
                    foreach (var (slug, date) in Changed(known, now))
                    {
                        await cache.InvalidateAsync(slug, date, stoppingToken);
                    }
                }

                known = now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not read the editions' stamps; cached reader pages may be stale until the next look");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static IEnumerable<(string Slug, DateOnly Date)> Changed(
        Dictionary<(string Slug, DateOnly Date, int Number), EditionStampRow> before,
        Dictionary<(string Slug, DateOnly Date, int Number), EditionStampRow> after) =>
        before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var old) || !after.TryGetValue(k, out var now) || old != now)
            .Select(k => (k.Slug, k.Date))
            .Distinct();
}
