using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Desk;

/// <summary>Opens an edition in its own context, tracked, for one change at the desk.</summary>
internal sealed class EfEditionEditor(IDbContextFactory<BroadsheetDbContext> contexts) : IEditionEditor
{
    public async Task<IEditionChange?> OpenAsync(int editionId, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        var edition = await EditionQueries.Whole(db).FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken);
        if (edition is null)
        {
            await db.DisposeAsync();
            return null;
        }

        return new EfEditionChange(db, edition);
    }
}

/// <summary>One change to one tracked edition: everything it recorded goes out in one <c>SaveChanges</c>.</summary>
internal sealed class EfEditionChange(BroadsheetDbContext db, Edition edition) : IEditionChange
{
    public Edition Edition => edition;

    public void Record(ArticleRevision revision) => db.ArticleRevisions.Add(revision);

    public void Record(AuditEntry entry) => db.AuditLog.Add(entry);

    public async Task SaveAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        edition.MarkChanged(at);
        // An article merged away or deleted has left the edition's list; it goes from the database with the change.
        foreach (var entry in db.ChangeTracker.Entries<Article>().Where(e => e.State != EntityState.Added).ToList())
        {
            if (!edition.Articles.Contains(entry.Entity))
            {
                entry.State = EntityState.Deleted;
            }
        }

        SearchOutbox.Note(db, edition, at);
        await db.SaveChangesAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
