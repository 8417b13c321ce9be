namespace Broadsheet.Core.Ports;

/// <summary>
/// Work that must run in one process at a time among all those sharing the database, whichever are up (scheduled
/// publishing): the first to ask holds the lease until it lets go or dies.
/// </summary>
public interface INodeLease
{
    /// <summary>The lease named <paramref name="name"/> until disposed, or null when another process holds it now.</summary>
    Task<IAsyncDisposable?> TryTakeAsync(string name, CancellationToken cancellationToken = default);
}
