using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Desk.Publishing;

/// <summary>
/// Publishes scheduled editions when their time comes. The schedule lives in the database, so an edition whose
/// time passed while the server was down goes out as soon as it is back. Where several web nodes share the database,
/// each looks, but only the one holding the lease publishes, and it reads the schedule only once it holds it.
/// </summary>
internal sealed class ScheduledPublisher(
    IDeskReader reader,
    DeskEditions editions,
    INodeLease lease,
    TimeProvider clock,
    IOptions<ScheduleOptions> options,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    /// <summary>The user name the audit log shows for scheduled publishing.</summary>
    public const string User = "scheduler";

    private TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    /// <summary>Publishes every scheduled edition whose time has come; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var held = await lease.TryTakeAsync("scheduled-publishing", cancellationToken);
        if (held is null)
        {
            // Another node is publishing now; whatever it leaves is looked at on the next tick.
            return 0;
        }

        // Few rows; compared here because SQLite cannot order or compare DateTimeOffset in SQL.
        var scheduled = await reader.ScheduledAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var published = 0;
        foreach (var (id, at) in scheduled.Where(e => e.At is { } due && due <= now))
        {
            await using var work = await editions.OpenAsync(id, cancellationToken);
            if (work is null || work.Edition.Status != EditionStatus.Scheduled)
            {
                continue;
            }

            work.Edition.Publish(at!.Value);
            work.Audit(User, "publish", work.Subject, "定时发布");
            await work.SaveAsync(cancellationToken);
            logger.LogInformation("Published {Edition} as scheduled for {At}", work.Subject, at);
            published++;
        }

        return published;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop scheduled publishing for good; the next tick tries again.
                logger.LogError(e, "Scheduled publishing failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
