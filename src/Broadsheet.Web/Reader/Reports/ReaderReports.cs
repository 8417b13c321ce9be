using System.Threading.RateLimiting;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Reader;

/// <summary>
/// Keeps readers' reports of wrong articles for the desk. Reports need no account, so they are limited: five
/// from one address in ten minutes, and two hundred an hour from everyone, so no one can bury the desk's queue.
/// The address decides the limit in memory and is never stored.
/// </summary>
internal sealed class ReaderReports(IReaderFeedback feedback, TimeProvider clock) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limit = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })),
        PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetFixedWindowLimiter(
            "all", _ => new FixedWindowRateLimiterOptions { PermitLimit = 200, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));

    /// <summary>Whether one more report from <paramref name="address"/> may be taken now.</summary>
    public bool TryTake(string address)
    {
        using var lease = _limit.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    /// <summary>Stores a report on article <paramref name="item"/> of <paramref name="edition"/>.</summary>
    /// <exception cref="DomainException">The kind or the note is not acceptable.</exception>
    public async Task AddAsync(ArticleOnPage item, ReportKind kind, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var report = new ReaderReport(item.Article, item.Page, item.N, kind, note, clock.GetUtcNow());
        await feedback.AddReportAsync(report, cancellationToken);
    }

    public void Dispose() => _limit.Dispose();
}
