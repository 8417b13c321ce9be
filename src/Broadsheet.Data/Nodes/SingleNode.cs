using Broadsheet.Core.Ports;

namespace Broadsheet.Data.Nodes;

/// <summary>
/// SQLite: one server process per database. Its own changes reach its cache directly, other processes' (command-line
/// imports) through the stamp watcher's polling, so no notice travels; and the lease is always free.
/// </summary>
internal sealed class SingleNode : IEditionNotices, INodeLease
{
    public bool Live => false;

    public Task SendAsync(EditionRef edition, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async IAsyncEnumerable<EditionRef> ListenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }

    public Task<IAsyncDisposable?> TryTakeAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable?>(Nothing.Instance);

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
