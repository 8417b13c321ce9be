using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Desk;

/// <summary>Opens one edition, whole and tracked, for a change at the desk.</summary>
internal sealed class DeskEditions(IDbContextFactory<BroadsheetDbContext> contexts, IReaderCache cache, TimeProvider clock)
{
    public async Task<EditionWork?> OpenAsync(int editionId, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        var edition = await db.Editions
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .Include(e => e.Articles).ThenInclude(a => a.Images)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken);
        if (edition is null)
        {
            await db.DisposeAsync();
            return null;
        }

        return new EditionWork(db, edition, cache, clock);
    }

    /// <summary>The id of an edition, or null when there is none.</summary>
    public async Task<int?> FindAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions
            .Where(e => e.PublicationId == publicationId && e.Date == date && e.Number == number)
            .Select(e => (int?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>
/// One change to one edition: revise articles, note who did what, then <see cref="SaveAsync"/> writes the
/// change, its revisions, its audit entries and a search outbox row in one transaction and drops the reader's
/// cached pages of that publication, so readers and search see the change at once.
/// </summary>
internal sealed class EditionWork(BroadsheetDbContext db, Edition edition, IReaderCache cache, TimeProvider clock) : IAsyncDisposable
{
    public Edition Edition => edition;

    /// <summary>For the few changes that are not the edition's own (an absorbed article to delete).</summary>
    public BroadsheetDbContext Db => db;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public Article? Article(int id) => edition.Articles.FirstOrDefault(a => a.Id == id);

    public Page? Page(int id) => edition.Pages.FirstOrDefault(p => p.Id == id);

    /// <summary>Runs <paramref name="change"/> on <paramref name="article"/> and records a revision when its text or regions changed.</summary>
    public void Revise(Article article, string by, string summary, Action change)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(change);
        var before = ArticleSnapshot.Of(article);
        change();
        var after = ArticleSnapshot.Of(article);
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            db.ArticleRevisions.Add(new ArticleRevision(article, by, Now, summary, before, after));
        }
    }

    /// <summary>Records a revision for an article the change created, with nothing before it.</summary>
    public void Created(Article article, string by, string summary) =>
        db.ArticleRevisions.Add(new ArticleRevision(article, by, Now, summary, "", ArticleSnapshot.Of(article)));

    public void Audit(string by, string action, string subject, string? details = null) =>
        db.AuditLog.Add(new AuditEntry(Now, by, action, edition.Publication.Slug, subject, details));

    /// <summary>How the audit log and the desk name this edition: "binjiang 2026-11-02".</summary>
    public string Subject => $"{edition.Publication.Slug} {edition.Date:yyyy-MM-dd}" + (edition.Number > 1 ? $" ({edition.Number})" : "");

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        edition.MarkChanged(Now);
        db.NoteEditionChanged(edition, Now);
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(edition.Publication.Slug, edition.Date, cancellationToken);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
