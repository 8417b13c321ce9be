using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Publishing;

/// <summary>Publish now, schedule, cancel a schedule, withdraw: the edition page's four actions, each audited.</summary>
internal sealed class EditionPublishing(DeskEditions editions)
{
    public Task PublishAsync(int editionId, string by, CancellationToken cancellationToken) =>
        ChangeAsync(editionId, by, "publish", work =>
        {
            work.Edition.Publish(work.Now);
            return "发布";
        }, cancellationToken);

    /// <summary>Schedules for <paramref name="at"/>, which must lie ahead; the <see cref="ScheduledPublisher"/> publishes it then.</summary>
    public Task ScheduleAsync(int editionId, DateTimeOffset at, string by, CancellationToken cancellationToken) =>
        ChangeAsync(editionId, by, "schedule", work =>
        {
            if (at <= work.Now)
            {
                throw new DomainException("The time to publish has already passed; choose a later time or publish now.");
            }

            work.Edition.Schedule(at);
            return "定时发布 " + Review.DeskText.Time(work.Edition.Publication, at);
        }, cancellationToken);

    public Task UnscheduleAsync(int editionId, string by, CancellationToken cancellationToken) =>
        ChangeAsync(editionId, by, "unschedule", work =>
        {
            work.Edition.Unschedule();
            return "取消定时";
        }, cancellationToken);

    public Task WithdrawAsync(int editionId, string by, CancellationToken cancellationToken) =>
        ChangeAsync(editionId, by, "withdraw", work =>
        {
            work.Edition.Withdraw();
            return "撤回";
        }, cancellationToken);

    private async Task ChangeAsync(int editionId, string by, string action, Func<EditionWork, string> change, CancellationToken cancellationToken)
    {
        await using var work = await editions.OpenAsync(editionId, cancellationToken)
            ?? throw new DomainException("That edition no longer exists.");
        var details = change(work);
        work.Audit(by, action, work.Subject, details);
        await work.SaveAsync(cancellationToken);
    }
}
