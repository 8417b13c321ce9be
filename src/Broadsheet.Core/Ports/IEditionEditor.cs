using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>
/// How the desk changes an edition: open it whole and tracked, change it through the model, record who did
/// what, and save once. Each user action is one <see cref="IEditionChange"/>.
/// </summary>
public interface IEditionEditor
{
    /// <summary>Edition <paramref name="editionId"/> with its publication, pages and articles, ready to change; null when there is none.</summary>
    Task<IEditionChange?> OpenAsync(int editionId, CancellationToken cancellationToken = default);
}

/// <summary>
/// One user action on one edition. <see cref="SaveAsync"/> writes the change, the revisions and audit entries
/// recorded here and a search outbox row in one transaction; articles that left the edition (merged, deleted)
/// are deleted with it. Disposing without saving changes nothing.
/// </summary>
public interface IEditionChange : IAsyncDisposable
{
    Edition Edition { get; }

    void Record(ArticleRevision revision);

    void Record(AuditEntry entry);

    /// <summary>Keeps how the articles a structural change touched were before it, so the desk can undo it.</summary>
    void Record(EditionUndo undo);

    /// <summary>The edition's newest structural change that has not been undone, or null.</summary>
    Task<EditionUndo?> LatestUndoAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks <paramref name="undo"/> as done; it is forgotten with the save.</summary>
    void Undone(EditionUndo undo);

    /// <summary>Marks the edition changed at <paramref name="at"/> and writes everything in one transaction.</summary>
    Task SaveAsync(DateTimeOffset at, CancellationToken cancellationToken = default);
}
