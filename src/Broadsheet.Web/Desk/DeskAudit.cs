using Broadsheet.Core.Model;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Desk;

/// <summary>
/// Writes the audit log for what is not part of an edition change (sign-ins, publication settings). Edition
/// changes write theirs in the same transaction through <see cref="EditionWork.Audit"/>.
/// </summary>
internal sealed class DeskAudit(IDbContextFactory<BroadsheetDbContext> contexts, TimeProvider clock)
{
    public async Task WriteAsync(string user, string action, string? publicationSlug, string subject, string? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), user, action, publicationSlug, subject, details));
        await db.SaveChangesAsync(cancellationToken);
    }
}
