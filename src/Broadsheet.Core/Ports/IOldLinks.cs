using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>The old site's addresses and where they lead now (see <see cref="OldLink"/>).</summary>
public interface IOldLinks
{
    /// <summary>
    /// Replaces the old links of one edition (a publication and date) with <paramref name="links"/>, in one
    /// transaction. A path another edition already claimed is taken over: the last migration of it wins.
    /// </summary>
    Task ReplaceAsync(int publicationId, DateOnly date, IReadOnlyList<OldLink> links, CancellationToken cancellationToken = default);

    /// <summary>How many old links an edition has (0 when it has none), so a migration run again can tell an edition it finished from one it was killed in.</summary>
    Task<int> CountAsync(int publicationId, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>The permalink an old path leads to, or null when it is not one.</summary>
    Task<string?> FindAsync(string path, CancellationToken cancellationToken = default);
}
