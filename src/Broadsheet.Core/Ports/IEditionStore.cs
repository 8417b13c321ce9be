using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>What the import pipeline needs from the database.</summary>
public interface IEditionStore
{
    Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken = default);

    Task<Publication> AddPublicationAsync(Publication publication, CancellationToken cancellationToken = default);

    Task<bool> EditionExistsAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a complete new edition in one transaction. With <paramref name="replace"/>, an existing edition of
    /// the same publication, date and number is removed in that same transaction; without it, an existing one
    /// makes this throw <see cref="DomainException"/> and nothing changes. Returns the blob keys the
    /// replaced edition used and the new one does not, so the caller can delete them after the commit
    /// (a key ending in '/' stands for every blob under that prefix).
    /// </summary>
    Task<IReadOnlyList<string>> SaveEditionAsync(Edition edition, bool replace, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every blob key a page of any edition uses: its PDF and its image keys, and its images' folder as a prefix
    /// ending in '/' (everything under it is in use).
    /// </summary>
    Task<IReadOnlySet<string>> BlobKeysInUseAsync(CancellationToken cancellationToken = default);
}
