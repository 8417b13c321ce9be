using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Web.Desk;

/// <summary>
/// Writes the audit log for what is not part of an edition change (sign-ins, imports). Edition changes write
/// theirs in the same transaction through <see cref="EditionWork.Audit"/>, settings through their own port.
/// </summary>
internal sealed class DeskAudit(IAuditLog log, TimeProvider clock)
{
    public Task WriteAsync(string user, string action, string? publicationSlug, string subject, string? details = null, CancellationToken cancellationToken = default) =>
        log.WriteAsync(Entry(user, action, publicationSlug, subject, details), cancellationToken);

    /// <summary>An entry stamped now, for a port that saves it with its change.</summary>
    public AuditEntry Entry(string user, string action, string? publicationSlug, string subject, string? details = null) =>
        new(clock.GetUtcNow(), user, action, publicationSlug, subject, details);
}
