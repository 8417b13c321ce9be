using System.Security.Cryptography;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// Content-addressed blob keys: the same page image or PDF is stored once however often it is imported,
/// and a key never changes meaning, so caches in front of the store can keep it forever.
/// </summary>
internal static class BlobKeys
{
    public static async Task<string> ForFileAsync(string prefix, string path, string extension, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return $"{prefix}/{hash[..2]}/{hash}{extension}";
    }
}
