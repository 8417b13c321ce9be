using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Caching;

namespace Broadsheet.Web.Desk;

/// <summary>Opens one edition, whole and tracked, for a change at the desk.</summary>
internal sealed class DeskEditions(IEditionEditor editor, IDeskReader reader, IReaderCache cache, TimeProvider clock)
{
    public async Task<EditionWork?> OpenAsync(int editionId, CancellationToken cancellationToken)
    {
        var change = await editor.OpenAsync(editionId, cancellationToken);
        return change is null ? null : new EditionWork(change, cache, clock);
    }

    /// <summary>The id of an edition, or null when there is none.</summary>
    public Task<int?> FindAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken) =>
        reader.FindEditionIdAsync(publicationId, date, number, cancellationToken);
}

/// <summary>
/// One change to one edition: revise articles, note who did what, then <see cref="SaveAsync"/> writes the
/// change, its revisions, its audit entries and a search outbox row in one transaction and drops the reader's
/// cached pages of that publication, so readers and search see the change at once.
/// </summary>
internal sealed class EditionWork(IEditionChange unit, IReaderCache cache, TimeProvider clock) : IAsyncDisposable
{
    public Edition Edition => unit.Edition;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public Article? Article(int id) => Edition.Articles.FirstOrDefault(a => a.Id == id);

    public Page? Page(int id) => Edition.Pages.FirstOrDefault(p => p.Id == id);

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
            unit.Record(new ArticleRevision(article, by, Now, summary, before, after));
        }
    }

    /// <summary>
    /// Runs a structural <paramref name="change"/> (one that moves text, regions or photos between articles, or
    /// adds or removes articles): keeps how <paramref name="touched"/> were, so it can be undone, and records a
    /// revision for each article it altered and each it created.
    /// </summary>
    public void Restructure(IEnumerable<Article> touched, string by, string summary, Action change, Func<Article, string>? summaryOf = null)
    {
        ArgumentNullException.ThrowIfNull(touched);
        ArgumentNullException.ThrowIfNull(change);
        var before = touched.Distinct().ToList();
        unit.Record(EditionUndo.Before(Edition, before, by, summary, Now));
        var snapshots = before.ToDictionary(a => a, ArticleSnapshot.Of);
        var existing = Edition.Articles.ToHashSet();
        change();
        foreach (var (article, text) in snapshots)
        {
            var after = ArticleSnapshot.Of(article);
            if (Edition.Articles.Contains(article) && !string.Equals(text, after, StringComparison.Ordinal))
            {
                unit.Record(new ArticleRevision(article, by, Now, summaryOf?.Invoke(article) ?? summary, text, after));
            }
        }

        foreach (var created in Edition.Articles.Where(a => !existing.Contains(a)))
        {
            Created(created, by, summaryOf?.Invoke(created) ?? summary);
        }
    }

    /// <summary>Undoes the edition's latest structural change; returns what it was, or null when there is none.</summary>
    public async Task<string?> UndoAsync(string by, CancellationToken cancellationToken)
    {
        if (await unit.LatestUndoAsync(cancellationToken) is not { } undo)
        {
            return null;
        }

        var before = Edition.Articles.ToDictionary(a => a, ArticleSnapshot.Of);
        var restored = undo.Restore(Edition);
        foreach (var article in restored)
        {
            var was = before.GetValueOrDefault(article, "");
            var now = ArticleSnapshot.Of(article);
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                unit.Record(new ArticleRevision(article, by, Now, "撤销：" + undo.Summary, was, now));
            }
        }

        unit.Undone(undo);
        return undo.Summary;
    }

    /// <summary>Records a revision for an article the change created, with nothing before it.</summary>
    public void Created(Article article, string by, string summary) =>
        unit.Record(new ArticleRevision(article, by, Now, summary, "", ArticleSnapshot.Of(article)));

    public void Audit(string by, string action, string subject, string? details = null) =>
        unit.Record(new AuditEntry(Now, by, action, Edition.Publication.Slug, subject, details));

    /// <summary>How the audit log and the desk name this edition: "binjiang 2026-11-02".</summary>
    public string Subject => $"{Edition.Publication.Slug} {Edition.Date:yyyy-MM-dd}" + (Edition.Number > 1 ? $" ({Edition.Number})" : "");

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await unit.SaveAsync(Now, cancellationToken);
        await cache.InvalidateAsync(Edition.Publication.Slug, Edition.Date, cancellationToken);
    }

    public ValueTask DisposeAsync() => unit.DisposeAsync();
}
