using Broadsheet.Core.Model;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Published;

/// <summary>An article the desk corrected after publication, where it is read and what the correction says.</summary>
internal sealed record PublishedCorrection(ArticleOnPage Article, EditionView Edition, string Note, DateTimeOffset CorrectedAt);

/// <summary>
/// The corrections (更正) of a publication's published editions, newest first, for its corrections page and
/// feed, and an article's text as it was first published.
/// </summary>
internal sealed class PublishedCorrections(IDbContextFactory<BroadsheetDbContext> contexts)
{
    /// <summary>The newest <paramref name="take"/> corrections of <paramref name="slug"/>.</summary>
    public async Task<IReadOnlyList<PublishedCorrection>> LatestAsync(string slug, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // SQLite cannot order by a DateTimeOffset column; a paper's corrections are few enough to order here.
        var all = await db.Articles.AsNoTracking()
            .Where(a => a.CorrectionNote != null && a.Edition.Status == EditionStatus.Published && a.Edition.Publication.Slug == slug)
            .Select(a => new { a.Id, a.EditionId, a.CorrectedAt })
            .ToListAsync(cancellationToken);
        var corrected = all.OrderByDescending(a => a.CorrectedAt).ThenByDescending(a => a.Id).Take(take).ToList();
        var editionIds = corrected.Select(c => c.EditionId).Distinct().ToList();
        // Each edition whole (its pages, articles and regions), since an article's number on its page depends on the others.
        var editions = await db.Editions.AsNoTracking()
            .Where(e => editionIds.Contains(e.Id))
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var views = editions.ToDictionary(e => e.Id, e => new EditionView(e));
        var list = new List<PublishedCorrection>();
        foreach (var c in corrected)
        {
            var view = views[c.EditionId];
            var article = view.Edition.Articles.First(a => a.Id == c.Id);
            if (view.Home(article) is { } home && article.CorrectionNote is { } note && article.CorrectedAt is { } at)
            {
                list.Add(new PublishedCorrection(home, view, note, at));
            }
        }

        return list;
    }

    /// <summary>
    /// The article's text as first published: what it was before the first change the desk made after the
    /// edition was published; null when the desk has not changed its text since (a note alone changes no text).
    /// </summary>
    public async Task<string?> OriginalSnapshotAsync(int articleId, DateTimeOffset? publishedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var after = publishedAt ?? DateTimeOffset.MinValue;
        var revisions = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId)
            .Select(r => new { r.At, r.Before, r.After })
            .ToListAsync(cancellationToken);
        // SQLite cannot order by a DateTimeOffset column, and an article has few revisions.
        return revisions.Where(r => r.At > after).OrderBy(r => r.At)
            .Where(r => ArticleSnapshots.TextOf(r.Before) != ArticleSnapshots.TextOf(r.After))
            .Select(r => r.Before)
            .FirstOrDefault();
    }
}
