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
