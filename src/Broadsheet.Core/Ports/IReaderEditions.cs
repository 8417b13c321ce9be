using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>A published edition as listed: its date, number and the label of its first page.</summary>
public sealed record EditionSummary(string Slug, DateOnly Date, int Number, int? IssueNumber, string? FirstPageLabel);

/// <summary>How many editions a publication has published and the newest of them.</summary>
public sealed record PublishedTally(int Count, int NewestId, DateTimeOffset NewestAt);

/// <summary>A published edition whole, with its neighbours in the archive and its publication's tally.</summary>
public sealed record PublishedEdition(Edition Edition, EditionSummary? Previous, EditionSummary? Next, PublishedTally Tally)
{
    /// <summary>The published editions of the edition's day (an extra, a second edition), this one among them, by number.</summary>
    public IReadOnlyList<EditionSummary> SameDay { get; init; } = [];
}

/// <summary>An edition of any status as the reader cache's poller compares it between polls.</summary>
public sealed record EditionState(
    string Slug, DateOnly Date, int Number, int Id, EditionStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset CreatedAt, DateTimeOffset? ChangedAt);

/// <summary>What readers may see: published editions only. Drafts, scheduled and withdrawn editions do not exist here.</summary>
public interface IReaderEditions
{
    Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest published edition of any publication, or of <paramref name="slug"/>, or of that publication on
    /// <paramref name="date"/> (the lowest-numbered when the day has several); null when there is none.
    /// </summary>
    Task<EditionSummary?> LatestAsync(string? slug, DateOnly? date, CancellationToken cancellationToken = default);

    /// <summary>All published editions of a publication, newest first.</summary>
    Task<IReadOnlyList<EditionSummary>> ListAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>
    /// The published edition of <paramref name="slug"/> on <paramref name="date"/> with everything a reader sees;
    /// the lowest-numbered one when the day has several and no <paramref name="number"/> is asked for.
    /// </summary>
    Task<PublishedEdition?> FindAsync(string slug, DateOnly date, int? number, CancellationToken cancellationToken = default);

    /// <summary>The published editions of a month, and the publication's first and last edition dates.</summary>
    Task<(IReadOnlyList<EditionSummary> Editions, DateOnly? First, DateOnly? Last)> MonthAsync(string slug, int year, int month, CancellationToken cancellationToken = default);

    /// <summary>The published edition nearest to <paramref name="date"/> (the earlier one on a tie), or the latest without a date.</summary>
    Task<EditionSummary?> NearestAsync(string slug, DateOnly? date, CancellationToken cancellationToken = default);

    /// <summary>The published editions of a publication in one month, whole.</summary>
    Task<IReadOnlyList<Edition>> EditionsOfMonthAsync(string slug, int year, int month, CancellationToken cancellationToken = default);

    /// <summary>Which months of which publication have published editions.</summary>
    Task<IReadOnlyList<(string Slug, int Year, int Month)>> MonthsAsync(CancellationToken cancellationToken = default);

    /// <summary>One row per edition of any status.</summary>
    Task<IReadOnlyList<EditionState>> StatesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The blob keys the pages of published editions use: page images, PDFs, and derivatives folders (ending in '/').
    /// What a withdrawn or replaced edition used and no published one does is not among them.
    /// </summary>
    Task<IReadOnlySet<string>> BlobKeysAsync(CancellationToken cancellationToken = default);
}
