using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Desk;

internal sealed class EfAuditLog(IDbContextFactory<BroadsheetDbContext> contexts) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditLog.AsNoTracking();
        if (query.User is { } user)
        {
            entries = entries.Where(e => e.User == user);
        }

        if (query.PublicationSlug is { } slug)
        {
            entries = entries.Where(e => e.PublicationSlug == slug);
        }

        if (query.Before is { } id)
        {
            entries = entries.Where(e => e.Id < id);
        }

        // Ids grow with time, and SQLite cannot order by DateTimeOffset.
        return await entries.OrderByDescending(e => e.Id).Take(max).ToListAsync(cancellationToken);
    }
}
