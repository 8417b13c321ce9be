namespace Broadsheet.Web.Search;

/// <summary>Wakes the search index's catch-up before its next poll, when a change is known to have committed.</summary>
internal sealed class SearchNudge : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one catch-up reads every pending change.
        }
    }

    /// <summary>Waits for <paramref name="timeout"/> or a <see cref="Wake"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
