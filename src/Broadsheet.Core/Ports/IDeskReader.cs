using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>The publication and edition an article belongs to, to check access before opening anything.</summary>
public sealed record ArticleOwner(int PublicationId, int EditionId);

/// <summary>An edition as the desk's month calendar lists it.</summary>
public sealed record EditionTally(DateOnly Date, int Number, EditionStatus Status, DateTimeOffset? PublishedAt, int Pages, int Articles, int PagesToReview);

/// <summary>
/// What the desk reads: editions of every status (drafts included), whole and untracked, and the desk's
/// lists. Changes go through <see cref="IEditionEditor"/>.
/// </summary>
public interface IDeskReader
{
    /// <summary>The edition with its publication, pages and articles; null when there is none.</summary>
    Task<Edition?> EditionAsync(int editionId, CancellationToken cancellationToken = default);

    Task<Edition?> FindEditionAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken = default);

    Task<int?> FindEditionIdAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken = default);

    /// <summary>The edition that holds article <paramref name="articleId"/>, or null when there is no such article.</summary>
    Task<Edition?> EditionOfArticleAsync(int articleId, CancellationToken cancellationToken = default);

    Task<ArticleOwner?> OwnerOfArticleAsync(int articleId, CancellationToken cancellationToken = default);

    /// <summary>An article's revisions, newest first.</summary>
    Task<IReadOnlyList<ArticleRevision>> RevisionsAsync(int articleId, CancellationToken cancellationToken = default);

    /// <summary>A publication's editions from <paramref name="from"/> up to (not including) <paramref name="until"/>, by date and number.</summary>
    Task<IReadOnlyList<EditionTally>> EditionsAsync(int publicationId, DateOnly from, DateOnly until, CancellationToken cancellationToken = default);

    Task<DateOnly?> LatestEditionDateAsync(int publicationId, CancellationToken cancellationToken = default);

    /// <summary>The edition's newest structural change that can still be undone, or null.</summary>
    Task<EditionUndo?> LatestUndoAsync(int editionId, CancellationToken cancellationToken = default);

    /// <summary>Every scheduled edition and when it is to be published.</summary>
    Task<IReadOnlyList<(int EditionId, DateTimeOffset? At)>> ScheduledAsync(CancellationToken cancellationToken = default);
}
