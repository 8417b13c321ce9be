using System.Runtime.CompilerServices;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Search;

/// <summary>
/// The search outbox and the published editions, read from the database. On SQLite one index reads the outbox and
/// forgets what it applied. On PostgreSQL several nodes each keep an index, so each reads the outbox from its own
/// <see cref="FeedCursor"/>, and changes are forgotten after <see cref="Kept"/> whoever has read them.
/// </summary>
internal sealed class EfSearchFeed(IDbContextFactory<BroadsheetDbContext> contexts, DataFolder folder, TimeProvider clock) : ISearchFeed
{
    /// <summary>How long the shared outbox keeps a change; an index away longer is rebuilt when it comes back.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    private readonly FeedCursor? _cursor = folder.DatabaseIsServer ? new FeedCursor(folder.IndexPath) : null;

    public async Task<IReadOnlyList<EditionChange>> PendingAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (_cursor is null)
        {
            return await db.SearchOutbox
                .OrderBy(e => e.Id)
                .Take(max)
                .Select(e => new EditionChange(e.Id, new EditionRef(e.PublicationSlug, e.Date, e.Number)))
                .ToListAsync(cancellationToken);
        }

        var after = _cursor.Read()?.Id ?? 0;
        // Ids above the cursor may still be committing out of order; only those up to the committed latest are read, and
        // the lock that finds it is taken only when there is something new at all (most polls find nothing).
        if ((await db.SearchOutbox.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0) <= after)
        {
            return [];
        }

        var through = await LatestChangeIdAsync(cancellationToken);
        return await db.SearchOutbox
            .Where(e => e.Id > after && e.Id <= through)
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
        if (_cursor is not null)
        {
            if (list.Count > 0)
            {
                await AdvanceAsync(list.Max(), cancellationToken);
            }

            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SearchOutbox.Where(e => list.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task MarkDoneThroughAsync(long id, CancellationToken cancellationToken = default)
    {
        if (_cursor is not null)
        {
            await AdvanceAsync(id, cancellationToken);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SearchOutbox.Where(e => e.Id <= id).ExecuteDeleteAsync(cancellationToken);
    }

    public Task<bool> CanCatchUpAsync(CancellationToken cancellationToken = default) =>
        // A change newer than the cursor may have been forgotten only if the cursor last moved more than Kept ago.
        Task.FromResult(_cursor is null || _cursor.Read() is { } read && read.At > clock.GetUtcNow() - Kept);

    /// <summary>Moves this index's cursor on (never back), and forgets changes older than <see cref="Kept"/>.</summary>
    private async Task AdvanceAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _cursor!.Write(Math.Max(id, _cursor.Read()?.Id ?? 0), now);
        var cutoff = now - Kept;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SearchOutbox.Where(e => e.ChangedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
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
