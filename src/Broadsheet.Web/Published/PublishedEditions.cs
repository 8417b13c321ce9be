using Broadsheet.Core.Model;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Published;

/// <summary>A published edition as listed: its date, number and the label of its first page.</summary>
internal sealed record EditionListing(string Slug, DateOnly Date, int Number, int? IssueNumber, string? FirstPageLabel)
{
    /// <summary>Where a reader starts reading it: its first page, or the edition URL when it has no pages.</summary>
    public string Url => FirstPageLabel is null ? ReaderUrls.Edition(Slug, Date) : ReaderUrls.Page(Slug, Date, FirstPageLabel);
}

/// <summary>What readers may see: published editions only. Drafts, scheduled and withdrawn editions do not exist here.</summary>
internal sealed class PublishedEditions(IDbContextFactory<BroadsheetDbContext> contexts)
{
    public async Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
    }

    /// <summary>
    /// The newest published edition of any publication, or of <paramref name="slug"/>, or of that publication on
    /// <paramref name="date"/> (the lowest-numbered when the day has several); null when there is none.
    /// </summary>
    public async Task<EditionListing?> LatestAsync(string? slug, DateOnly? date, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editions = Published(db);
        if (slug is not null)
        {
            editions = editions.Where(e => e.Publication.Slug == slug);
        }

        if (date is { } day)
        {
            editions = editions.Where(e => e.Date == day);
        }

        return await Listings(editions.OrderByDescending(e => e.Date).ThenBy(e => e.Number).ThenByDescending(e => e.Id))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>All published editions of a publication, newest first.</summary>
    public async Task<IReadOnlyList<EditionListing>> ListAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editions = Published(db).Where(e => e.Publication.Slug == slug)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Number);
        return await Listings(editions).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The published edition of <paramref name="slug"/> on <paramref name="date"/> with everything a reader sees;
    /// the lowest-numbered one when the day has several and no <paramref name="number"/> is asked for.
    /// </summary>
    public async Task<EditionView?> FindAsync(string slug, DateOnly date, int? number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var edition = await Published(db)
            .Where(e => e.Publication.Slug == slug && e.Date == date && (number == null || e.Number == number))
            .OrderBy(e => e.Number)
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .Include(e => e.Articles).ThenInclude(a => a.Images)
            .AsSplitQuery()
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var ofPublication = Published(db).Where(e => e.PublicationId == edition.PublicationId);
        var previous = await Listings(ofPublication.Where(e => e.Date < edition.Date)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Number)).FirstOrDefaultAsync(cancellationToken);
        var next = await Listings(ofPublication.Where(e => e.Date > edition.Date)
            .OrderBy(e => e.Date).ThenBy(e => e.Number)).FirstOrDefaultAsync(cancellationToken);
        var stamp = await PublicationStampAsync(ofPublication, cancellationToken);
        return new EditionView(edition)
        {
            PreviousEdition = previous,
            NextEdition = next,
            Stamp = EditionStamp.Of(edition, stamp),
        };
    }

    /// <summary>
    /// The published editions of a month (first page labels included) and the first and last edition dates of
    /// the publication: three small queries, whatever the length of the archive (never one per day).
    /// </summary>
    public async Task<MonthOfEditions> MonthAsync(string slug, int year, int month, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ofPublication = Published(db).Where(e => e.Publication.Slug == slug);
        var editions = await Listings(ofPublication.Where(e => e.Date >= first && e.Date <= last)
            .OrderBy(e => e.Date).ThenBy(e => e.Number)).ToListAsync(cancellationToken);
        var earliest = await ofPublication.OrderBy(e => e.Date).Select(e => (DateOnly?)e.Date).FirstOrDefaultAsync(cancellationToken);
        var latest = await ofPublication.OrderByDescending(e => e.Date).Select(e => (DateOnly?)e.Date).FirstOrDefaultAsync(cancellationToken);
        return new MonthOfEditions(year, month, editions, earliest, latest);
    }

    /// <summary>The published edition nearest to <paramref name="date"/> (the earlier one on a tie), or the latest without a date.</summary>
    public async Task<EditionListing?> NearestAsync(string slug, DateOnly? date, CancellationToken cancellationToken)
    {
        if (date is not { } day)
        {
            return await LatestAsync(slug, null, cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ofPublication = Published(db).Where(e => e.Publication.Slug == slug);
        var before = await Listings(ofPublication.Where(e => e.Date <= day).OrderByDescending(e => e.Date).ThenBy(e => e.Number))
            .FirstOrDefaultAsync(cancellationToken);
        var after = await Listings(ofPublication.Where(e => e.Date > day).OrderBy(e => e.Date).ThenBy(e => e.Number))
            .FirstOrDefaultAsync(cancellationToken);
        if (before is null || after is null)
        {
            return before ?? after;
        }

        return day.DayNumber - before.Date.DayNumber <= after.Date.DayNumber - day.DayNumber ? before : after;
    }

    /// <summary>The published editions of a publication in one month, ready for reading (for its sitemap).</summary>
    public async Task<IReadOnlyList<EditionView>> EditionsOfMonthAsync(string slug, int year, int month, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editions = await Published(db)
            .Where(e => e.Publication.Slug == slug && e.Date >= first && e.Date <= last)
            .OrderBy(e => e.Date).ThenBy(e => e.Number)
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .AsSplitQuery()
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return [.. editions.Select(e => new EditionView(e))];
    }

    /// <summary>Which months of which publication have published editions, for the sitemap index.</summary>
    public async Task<IReadOnlyList<(string Slug, int Year, int Month)>> MonthsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One row per edition (some ten thousand for thirty years) grouped here: cheaper to reason about than
        // date-part translation in SQL, and the sitemap index is cached.
        var dates = await Published(db).Select(e => new { e.Publication.Slug, e.Date }).ToListAsync(cancellationToken);
        return [.. dates.Select(d => (d.Slug, d.Date.Year, d.Date.Month)).Distinct()
            .OrderBy(m => m.Slug, StringComparer.Ordinal).ThenByDescending(m => m.Year).ThenByDescending(m => m.Month)];
    }

    /// <summary>
    /// One row per edition of any status: what the reader cache compares between polls to notice an edition
    /// published, replaced or withdrawn by another process.
    /// </summary>
    public async Task<IReadOnlyList<EditionStampRow>> StampsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions.AsNoTracking()
            .Select(e => new EditionStampRow(e.Publication.Slug, e.Date, e.Number, e.Id, e.Status, e.PublishedAt, e.CreatedAt, e.ChangedAt))
            .ToListAsync(cancellationToken);
    }

    private static async Task<PublicationStamp> PublicationStampAsync(IQueryable<Edition> ofPublication, CancellationToken cancellationToken)
    {
        var count = await ofPublication.CountAsync(cancellationToken);
        var newest = await ofPublication.OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.PublishedAt, e.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new PublicationStamp(count, newest?.Id ?? 0, Later(newest?.PublishedAt, newest?.CreatedAt));
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset? b) =>
        (a ?? DateTimeOffset.MinValue) > (b ?? DateTimeOffset.MinValue) ? a!.Value : b ?? DateTimeOffset.MinValue;

    private static IQueryable<Edition> Published(BroadsheetDbContext db) =>
        db.Editions.Where(e => e.Status == EditionStatus.Published);

    private static IQueryable<EditionListing> Listings(IQueryable<Edition> editions) =>
        editions.Select(e => new EditionListing(
            e.Publication.Slug,
            e.Date,
            e.Number,
            e.IssueNumber,
            e.Pages.OrderBy(p => p.Order).Select(p => p.Label).FirstOrDefault()));
}

internal static class PublishedEditionsRegistration
{
    public static IServiceCollection AddPublishedEditions(this IServiceCollection services) =>
        services.AddSingleton<PublishedEditions>().AddSingleton<PublishedCorrections>();
}
