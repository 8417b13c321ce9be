using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>An edition as search knows it: the same publication, date and number survive a replace.</summary>
public sealed record EditionRef(string PublicationSlug, DateOnly Date, int Number);

/// <summary>A change to an edition that search has not caught up with yet.</summary>
/// <param name="Id">Increases with every change; the feed forgets a change once it is marked done.</param>
/// <param name="Edition">The edition that changed.</param>
public sealed record EditionChange(long Id, EditionRef Edition);

/// <summary>
/// What the search index must follow. Every save, replace, publish, withdraw or correction of an edition is
/// recorded as a change in the same transaction as the change itself, so the index can catch up after a
/// crash, or when the change was made by another process (the command line while the server runs).
/// </summary>
public interface ISearchFeed
{
    /// <summary>The oldest changes not yet marked done, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<EditionChange>> PendingAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>The id of the newest change, or 0 when there is none.</summary>
    Task<long> LatestChangeIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets the changes with these ids.</summary>
    Task MarkDoneAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Forgets every change up to and including <paramref name="id"/> (after a full rebuild).</summary>
    Task MarkDoneThroughAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the changes since this index last read the feed are all still there to read; false means the index must
    /// be rebuilt (it never read this feed, or it was away longer than the feed keeps changes).
    /// </summary>
    Task<bool> CanCatchUpAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    /// <summary>The edition with its publication, pages and articles if readers may see it, else null.</summary>
    Task<Edition?> FindPublishedAsync(EditionRef edition, CancellationToken cancellationToken = default);

    /// <summary>How many articles the editions readers may see hold (for a rebuild's progress bar).</summary>
    Task<int> CountPublishedArticlesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every edition readers may see, one at a time, each whole.</summary>
    IAsyncEnumerable<Edition> AllPublishedAsync(CancellationToken cancellationToken = default);
}
