using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>Which audit entries to read: by user, by publication, older than an entry; null is any.</summary>
public sealed record AuditQuery(string? User = null, string? PublicationSlug = null, long? Before = null);

/// <summary>
/// The audit log of what happens outside an edition (sign-ins, imports). Edition changes record theirs through
/// <see cref="IEditionChange"/>, publication settings through <see cref="IPublicationSettings"/>.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>At most <paramref name="max"/> entries matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, int max, CancellationToken cancellationToken = default);
}
