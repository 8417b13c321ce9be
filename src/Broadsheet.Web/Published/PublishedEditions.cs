using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Web.Published;

/// <summary>A published edition as listed: its date, number and the label of its first page.</summary>
internal sealed record EditionListing(string Slug, DateOnly Date, int Number, int? IssueNumber, string? FirstPageLabel)
{
    /// <summary>Where a reader starts reading it: its first page, or the edition URL when it has no pages.</summary>
    public string Url => FirstPageLabel is null ? ReaderUrls.Edition(Slug, Date, Number) : ReaderUrls.Page(Slug, Date, FirstPageLabel, Number);

    public static EditionListing? Of(EditionSummary? summary) =>
        summary is null ? null : new(summary.Slug, summary.Date, summary.Number, summary.IssueNumber, summary.FirstPageLabel);
}

/// <summary>What readers may see: published editions only, read through <see cref="IReaderEditions"/> and arranged for reading.</summary>
internal sealed class PublishedEditions(IReaderEditions editions)
{
    public Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken) =>
        editions.FindPublicationAsync(slug, cancellationToken);

    /// <summary>
    /// The newest published edition of any publication, or of <paramref name="slug"/>, or of that publication on
    /// <paramref name="date"/> (the lowest-numbered when the day has several); null when there is none.
    /// </summary>
    public async Task<EditionListing?> LatestAsync(string? slug, DateOnly? date, CancellationToken cancellationToken) =>
        EditionListing.Of(await editions.LatestAsync(slug, date, cancellationToken));

    /// <summary>All published editions of a publication, newest first.</summary>
    public async Task<IReadOnlyList<EditionListing>> ListAsync(string slug, CancellationToken cancellationToken) =>
        [.. (await editions.ListAsync(slug, cancellationToken)).Select(s => EditionListing.Of(s)!)];

    /// <summary>
    /// The published edition of <paramref name="slug"/> on <paramref name="date"/> with everything a reader sees;
    /// the lowest-numbered one when the day has several and no <paramref name="number"/> is asked for.
    /// </summary>
    public async Task<EditionView?> FindAsync(string slug, DateOnly date, int? number, CancellationToken cancellationToken)
    {
        if (await editions.FindAsync(slug, date, number, cancellationToken) is not { } found)
        {
            return null;
        }

        var tally = found.Tally;
        return new EditionView(found.Edition)
        {
            PreviousEdition = EditionListing.Of(found.Previous),
            NextEdition = EditionListing.Of(found.Next),
            Stamp = EditionStamp.Of(found.Edition, new PublicationStamp(tally.Count, tally.NewestId, tally.NewestAt)),
            SameDay = [.. found.SameDay.Select(s => EditionListing.Of(s)!)],
        };
    }

    /// <summary>
    /// The published editions of a month (first page labels included) and the first and last edition dates of
    /// the publication: three small queries, whatever the length of the archive (never one per day).
    /// </summary>
    public async Task<MonthOfEditions> MonthAsync(string slug, int year, int month, CancellationToken cancellationToken)
    {
        var (listed, first, last) = await editions.MonthAsync(slug, year, month, cancellationToken);
        return new MonthOfEditions(year, month, [.. listed.Select(s => EditionListing.Of(s)!)], first, last);
    }

    /// <summary>The published edition nearest to <paramref name="date"/> (the earlier one on a tie), or the latest without a date.</summary>
    public async Task<EditionListing?> NearestAsync(string slug, DateOnly? date, CancellationToken cancellationToken) =>
        EditionListing.Of(await editions.NearestAsync(slug, date, cancellationToken));

    /// <summary>The published editions of a publication in one month, ready for reading (for its sitemap).</summary>
    public async Task<IReadOnlyList<EditionView>> EditionsOfMonthAsync(string slug, int year, int month, CancellationToken cancellationToken) =>
        [.. (await editions.EditionsOfMonthAsync(slug, year, month, cancellationToken)).Select(e => new EditionView(e))];

    /// <summary>Which months of which publication have published editions, for the sitemap index.</summary>
    public Task<IReadOnlyList<(string Slug, int Year, int Month)>> MonthsAsync(CancellationToken cancellationToken) =>
        editions.MonthsAsync(cancellationToken);

    /// <summary>
    /// One row per edition of any status: what the reader cache compares between polls to notice an edition
    /// published, replaced or withdrawn by another process.
    /// </summary>
    public async Task<IReadOnlyList<EditionStampRow>> StampsAsync(CancellationToken cancellationToken) =>
        [.. (await editions.StatesAsync(cancellationToken))
            .Select(s => new EditionStampRow(s.Slug, s.Date, s.Number, s.Id, s.Status, s.PublishedAt, s.CreatedAt, s.ChangedAt))];
}

internal static class PublishedEditionsRegistration
{
    public static IServiceCollection AddPublishedEditions(this IServiceCollection services) =>
        services.AddSingleton<PublishedEditions>().AddSingleton<PublishedCorrections>();
}
