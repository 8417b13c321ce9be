using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Desk;

/// <summary>The desk's reads, each in a short-lived context, untracked.</summary>
internal sealed class EfDeskReader(IDbContextFactory<BroadsheetDbContext> contexts) : IDeskReader
{
    public async Task<Edition?> EditionAsync(int editionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Whole(db).FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken);
    }

    public async Task<Edition?> FindEditionAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Whole(db).FirstOrDefaultAsync(e => e.PublicationId == publicationId && e.Date == date && e.Number == number, cancellationToken);
    }

    public async Task<int?> FindEditionIdAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions
            .Where(e => e.PublicationId == publicationId && e.Date == date && e.Number == number)
            .Select(e => (int?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Edition?> EditionOfArticleAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editionId = await db.Articles.Where(a => a.Id == articleId).Select(a => (int?)a.EditionId).FirstOrDefaultAsync(cancellationToken);
        return editionId is null ? null : await Whole(db).FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken);
    }

    public async Task<ArticleOwner?> OwnerOfArticleAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.Where(a => a.Id == articleId)
            .Select(a => new ArticleOwner(a.Edition.PublicationId, a.EditionId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleRevision>> RevisionsAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).ToListAsync(cancellationToken);
        // SQLite cannot order by a DateTimeOffset column; an article has few revisions.
        return [.. revisions.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)];
    }

    public async Task<IReadOnlyList<EditionTally>> EditionsAsync(int publicationId, DateOnly from, DateOnly until, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions.Where(e => e.PublicationId == publicationId && e.Date >= from && e.Date < until)
            .OrderBy(e => e.Date).ThenBy(e => e.Number)
            .Select(e => new EditionTally(e.Date, e.Number, e.Status, e.PublishedAt, e.Pages.Count, e.Articles.Count, e.Pages.Count(p => p.ReviewNote != null)))
            .ToListAsync(cancellationToken);
    }

    public async Task<DateOnly?> LatestEditionDateAsync(int publicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions.Where(e => e.PublicationId == publicationId)
            .OrderByDescending(e => e.Date).Select(e => (DateOnly?)e.Date).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<EditionUndo?> LatestUndoAsync(int editionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EditionUndos.AsNoTracking().Where(u => u.EditionId == editionId).OrderByDescending(u => u.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(int EditionId, DateTimeOffset? At)>> ScheduledAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Editions.Where(e => e.Status == EditionStatus.Scheduled)
            .Select(e => new { e.Id, e.PublishedAt }).ToListAsync(cancellationToken);
        return [.. rows.Select(e => (e.Id, e.PublishedAt))];
    }

    private static IQueryable<Edition> Whole(BroadsheetDbContext db) => EditionQueries.Whole(db).AsNoTracking();
}
