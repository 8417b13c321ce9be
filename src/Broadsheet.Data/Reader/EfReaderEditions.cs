using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Reader;

/// <summary>The reader's queries: published editions only, each in a short-lived context, untracked.</summary>
internal sealed class EfReaderEditions(IDbContextFactory<BroadsheetDbContext> contexts) : IReaderEditions
{
    public async Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
    }

    public async Task<EditionSummary?> LatestAsync(string? slug, DateOnly? date, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editions = Published(db);
        if (slug is not null)
        {
            if (await OfPublicationAsync(db, slug, cancellationToken) is not { } ofPublication)
            {
                return null;
            }

            editions = ofPublication;
        }

        if (date is { } day)
        {
            editions = editions.Where(e => e.Date == day);
        }

        return await Summaries(editions.OrderByDescending(e => e.Date).ThenBy(e => e.Number).ThenByDescending(e => e.Id))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EditionSummary>> ListAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editions = Published(db).Where(e => e.Publication.Slug == slug)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Number);
        return await Summaries(editions).ToListAsync(cancellationToken);
    }

    public async Task<PublishedEdition?> FindAsync(string slug, DateOnly date, int? number, CancellationToken cancellationToken = default)
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
        var previous = await Summaries(ofPublication.Where(e => e.Date < edition.Date)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Number)).FirstOrDefaultAsync(cancellationToken);
        var next = await Summaries(ofPublication.Where(e => e.Date > edition.Date)
            .OrderBy(e => e.Date).ThenBy(e => e.Number)).FirstOrDefaultAsync(cancellationToken);
        var sameDay = await Summaries(ofPublication.Where(e => e.Date == edition.Date).OrderBy(e => e.Number)).ToListAsync(cancellationToken);
        return new PublishedEdition(edition, previous, next, await TallyAsync(ofPublication, cancellationToken)) { SameDay = sameDay };
    }

    public async Task<(IReadOnlyList<EditionSummary> Editions, DateOnly? First, DateOnly? Last)> MonthAsync(string slug, int year, int month, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, month, 1);
        // Not AddMonths(1): December of year 9999 has no month after it.
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await OfPublicationAsync(db, slug, cancellationToken) is not { } ofPublication)
        {
            return ([], null, null);
        }

        var editions = await Summaries(ofPublication.Where(e => e.Date >= first && e.Date <= last)
            .OrderBy(e => e.Date).ThenBy(e => e.Number)).ToListAsync(cancellationToken);
        var earliest = await ofPublication.OrderBy(e => e.Date).Select(e => (DateOnly?)e.Date).FirstOrDefaultAsync(cancellationToken);
        var latest = await ofPublication.OrderByDescending(e => e.Date).Select(e => (DateOnly?)e.Date).FirstOrDefaultAsync(cancellationToken);
        return (editions, earliest, latest);
    }

    public async Task<EditionSummary?> NearestAsync(string slug, DateOnly? date, CancellationToken cancellationToken = default)
    {
        if (date is not { } day)
        {
            return await LatestAsync(slug, null, cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await OfPublicationAsync(db, slug, cancellationToken) is not { } ofPublication)
        {
            return null;
        }

        var before = await Summaries(ofPublication.Where(e => e.Date <= day).OrderByDescending(e => e.Date).ThenBy(e => e.Number))
            .FirstOrDefaultAsync(cancellationToken);
        var after = await Summaries(ofPublication.Where(e => e.Date > day).OrderBy(e => e.Date).ThenBy(e => e.Number))
            .FirstOrDefaultAsync(cancellationToken);
        if (before is null || after is null)
        {
            return before ?? after;
        }

        return day.DayNumber - before.Date.DayNumber <= after.Date.DayNumber - day.DayNumber ? before : after;
    }

    public async Task<IReadOnlyList<Edition>> EditionsOfMonthAsync(string slug, int year, int month, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, month, 1);
        // Not AddMonths(1): December of year 9999 has no month after it.
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Published(db)
            .Where(e => e.Publication.Slug == slug && e.Date >= first && e.Date <= last)
            .OrderBy(e => e.Date).ThenBy(e => e.Number)
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .AsSplitQuery()
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string Slug, int Year, int Month)>> MonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One row per edition (some ten thousand for thirty years) grouped here: cheaper to reason about than
        // date-part translation in SQL, and the sitemap index is cached.
        var dates = await Published(db).Select(e => new { e.Publication.Slug, e.Date }).ToListAsync(cancellationToken);
        return [.. dates.Select(d => (d.Slug, d.Date.Year, d.Date.Month)).Distinct()
            .OrderBy(m => m.Slug, StringComparer.Ordinal).ThenByDescending(m => m.Year).ThenByDescending(m => m.Month)];
    }

    public async Task<IReadOnlyList<EditionState>> StatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions.AsNoTracking()
            .Select(e => new EditionState(e.Publication.Slug, e.Date, e.Number, e.Id, e.Status, e.PublishedAt, e.CreatedAt, e.ChangedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> BlobKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PageBlobKeys.OfAsync(db.Pages.Where(p => p.Edition.Status == EditionStatus.Published), cancellationToken);
    }

    private static async Task<PublishedTally> TallyAsync(IQueryable<Edition> ofPublication, CancellationToken cancellationToken)
    {
        var count = await ofPublication.CountAsync(cancellationToken);
        var newest = await ofPublication.OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.PublishedAt, e.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new PublishedTally(count, newest?.Id ?? 0, Later(newest?.PublishedAt, newest?.CreatedAt));
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset? b) =>
        (a ?? DateTimeOffset.MinValue) > (b ?? DateTimeOffset.MinValue) ? a!.Value : b ?? DateTimeOffset.MinValue;

    private static IQueryable<Edition> Published(BroadsheetDbContext db) =>
        db.Editions.Where(e => e.Status == EditionStatus.Published);

    /// <summary>
    /// The published editions of the publication <paramref name="slug"/>, null when there is no such publication. Filtered
    /// by its id rather than through a join on the slug, so PostgreSQL walks the (PublicationId, Status, Date) index in
    /// date order for a first, last or nearest edition: through the join it sorted every edition of the publication for
    /// each (2-4 ms a page view over the 30-year archive's 10,950 editions, bench/HISTORY.md).
    /// </summary>
    private static async Task<IQueryable<Edition>?> OfPublicationAsync(BroadsheetDbContext db, string slug, CancellationToken cancellationToken)
    {
        var id = await db.Publications.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } publicationId ? Published(db).Where(e => e.PublicationId == publicationId) : null;
    }

    private static IQueryable<EditionSummary> Summaries(IQueryable<Edition> editions) =>
        editions.Select(e => new EditionSummary(
            e.Publication.Slug,
            e.Date,
            e.Number,
            e.IssueNumber,
            e.Pages.OrderBy(p => p.Order).Select(p => p.Label).FirstOrDefault()));
}
