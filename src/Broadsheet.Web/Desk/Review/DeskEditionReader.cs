using Broadsheet.Core.Model;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Desk.Review;

/// <summary>
/// Reads an edition of any status (drafts included) for the review and article pages, untracked; changes go
/// through <see cref="DeskEditions"/> instead.
/// </summary>
internal sealed class DeskEditionReader(IDbContextFactory<BroadsheetDbContext> contexts)
{
    public async Task<Edition?> FindAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Whole(db).FirstOrDefaultAsync(e => e.PublicationId == publicationId && e.Date == date && e.Number == number, cancellationToken);
    }

    /// <summary>The edition that holds article <paramref name="articleId"/>, or null when there is no such article.</summary>
    public async Task<Edition?> OfArticleAsync(int articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editionId = await db.Articles.Where(a => a.Id == articleId).Select(a => (int?)a.EditionId).FirstOrDefaultAsync(cancellationToken);
        return editionId is null ? null : await Whole(db).FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken);
    }

    /// <summary>The publication and edition of an article, to check access before opening anything: null when there is no such article.</summary>
    public async Task<(int PublicationId, int EditionId)?> OwnerOfArticleAsync(int articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Articles.Where(a => a.Id == articleId)
            .Select(a => new { a.Edition.PublicationId, a.EditionId })
            .FirstOrDefaultAsync(cancellationToken);
        return owner is null ? null : (owner.PublicationId, owner.EditionId);
    }

    /// <summary>An article's revisions, newest first.</summary>
    public async Task<IReadOnlyList<ArticleRevision>> RevisionsAsync(int articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).ToListAsync(cancellationToken);
        // SQLite cannot order by a DateTimeOffset column; an article has few revisions.
        return [.. revisions.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)];
    }

    private static IQueryable<Edition> Whole(BroadsheetDbContext db) =>
        db.Editions
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .Include(e => e.Articles).ThenInclude(a => a.Images)
            .AsSplitQuery()
            .AsNoTracking();
}
