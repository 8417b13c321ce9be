using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Tests.Fakes;

/// <summary>An in-memory blob store.</summary>
internal sealed class FakeBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => [.. _blobs.Keys.Order(StringComparer.Ordinal)];

    public byte[] this[string key] => _blobs[key];

    public void Seed(string key, byte[] content) => _blobs[key] = content;

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(_blobs.ContainsKey(key));

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        _blobs[key] = buffer.ToArray();
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue(key, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        _blobs.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var key in Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            yield return key;
        }
    }

    public string? TryGetLocalPath(string key) => null;
}
