using System.Runtime.CompilerServices;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Search;

/// <summary>The search outbox and the published editions, read from the database.</summary>
internal sealed class EfSearchFeed(IDbContextFactory<BroadsheetDbContext> contexts) : ISearchFeed
{
    public async Task<IReadOnlyList<EditionChange>> PendingAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SearchOutbox
            .OrderBy(e => e.Id)
            .Take(max)
            .Select(e => new EditionChange(e.Id, new EditionRef(e.PublicationSlug, e.Date, e.Number)))
            .ToListAsync(cancellationToken);
    }

    public async Task<long> LatestChangeIdAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            // SQLite has one writer at a time: ids are handed out in the order their rows commit.
            return await db.SearchOutbox.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        }

        // PostgreSQL hands out ids as rows are inserted, and an insert may commit after a later one: a row still
        // uncommitted below the highest id would be marked done by a rebuild that never saw its edition. A SHARE lock
        // waits for every transaction that has inserted into the outbox to end, so every id up to the one read is committed.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"SearchOutbox\" IN SHARE MODE", cancellationToken);
        var latest = await db.SearchOutbox.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        await transaction.CommitAsync(cancellationToken);
        return latest;
    }

    public async Task MarkDoneAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SearchOutbox.Where(e => list.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task MarkDoneThroughAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SearchOutbox.Where(e => e.Id <= id).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<Edition?> FindPublishedAsync(EditionRef edition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Whole(db)
            .Where(e => e.Publication.Slug == edition.PublicationSlug && e.Date == edition.Date && e.Number == edition.Number)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<int> CountPublishedArticlesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.CountAsync(a => a.Edition.Status == EditionStatus.Published, cancellationToken);
    }

    public async IAsyncEnumerable<Edition> AllPublishedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<int> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Editions.Where(e => e.Status == EditionStatus.Published).OrderBy(e => e.Date).Select(e => e.Id).ToListAsync(cancellationToken);
        }

        // One edition at a time, each in a short-lived context: a 30-year archive never sits in memory at once.
        foreach (var id in ids)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await Whole(db).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } edition)
            {
                yield return edition;
            }
        }
    }

    private static IQueryable<Edition> Whole(BroadsheetDbContext db) =>
        db.Editions
            .Where(e => e.Status == EditionStatus.Published)
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .Include(e => e.Articles).ThenInclude(a => a.Images)
            .AsSplitQuery()
            .AsNoTracking();
}
