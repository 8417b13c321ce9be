using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>A publication with the number of editions it has, as the desk's list of papers shows it.</summary>
public sealed record PublicationListing(Publication Publication, int Editions);

/// <summary>The desk's publications: read them, create one, change one's settings, each change saved with its audit entry.</summary>
public interface IPublicationSettings
{
    Task<Publication?> FindAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Every publication by name.</summary>
    Task<IReadOnlyList<Publication>> AllAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PublicationListing>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="publication"/> and its audit entry together; a taken slug throws <see cref="DomainException"/>.</summary>
    Task AddAsync(Publication publication, AuditEntry audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="change"/> on publication <paramref name="slug"/> and saves the change with the audit entry it
    /// returns in one transaction. False when there is no such publication; a <see cref="DomainException"/> saves nothing.
    /// </summary>
    Task<bool> ChangeAsync(string slug, Func<Publication, AuditEntry> change, CancellationToken cancellationToken = default);
}
