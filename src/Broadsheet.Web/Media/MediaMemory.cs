using Microsoft.Extensions.Caching.Memory;

namespace Broadsheet.Web.Media;

/// <summary>
/// The most asked-for blobs, held in memory: Kestrel copies a file through user space on every request, and
/// a front page's image is asked for by every reader. Keys are content hashes, so a held copy is never stale.
/// Bounded by total bytes (256 MB) and per blob (4 MB); larger blobs always come from disk. Kept because Kestrel's
/// file sending served the page image at 0.30 of nginx's rate, under the 0.5 goal; from memory 0.78–0.83
/// (bench/README.md, "Code we own").
/// </summary>
internal sealed class MediaMemory : IDisposable
{
    private const long MaxBlob = 4 * 1024 * 1024;
    private readonly MemoryCache _blobs = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024 });

    /// <summary>The blob's bytes from memory, or read from <paramref name="path"/> and kept; null when it is too large to keep.</summary>
    public async Task<byte[]?> GetAsync(string key, string path, CancellationToken cancellationToken)
    {
        if (_blobs.TryGetValue(key, out byte[]? bytes))
        {
            return bytes;
        }

        var file = new FileInfo(path);
        if (!file.Exists || file.Length > MaxBlob)
        {
            return null;
        }

        bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        _blobs.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return bytes;
    }

    public void Dispose() => _blobs.Dispose();
}
