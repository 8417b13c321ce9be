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
    /// <summary>An edition keeps this many undoable steps; older ones are forgotten as new ones come.</summary>
    private const int UndoDepth = 30;

    private readonly List<EditionUndo> _undos = [];

    public Edition Edition => edition;

    public void Record(ArticleRevision revision) => db.ArticleRevisions.Add(revision);

    public void Record(AuditEntry entry) => db.AuditLog.Add(entry);

    public void Record(EditionUndo undo)
    {
        db.EditionUndos.Add(undo);
        _undos.Add(undo);
    }

    public async Task<EditionUndo?> LatestUndoAsync(CancellationToken cancellationToken = default) =>
        await db.EditionUndos.Where(u => u.EditionId == edition.Id).OrderByDescending(u => u.Id).FirstOrDefaultAsync(cancellationToken);

    public void Undone(EditionUndo undo) => db.EditionUndos.Remove(undo);

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
        if (_undos.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // An undo names the articles the change created, which have ids only once saved: two saves, one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var undo in _undos)
        {
            undo.Seal();
        }

        var older = await db.EditionUndos.Where(u => u.EditionId == edition.Id).OrderByDescending(u => u.Id).Skip(UndoDepth).ToListAsync(cancellationToken);
        db.EditionUndos.RemoveRange(older);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
