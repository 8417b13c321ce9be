using System.Security.Cryptography;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// Content-addressed blob keys: the same page PDF is stored once however often it is imported, and a key
/// never changes meaning, so caches in front of the store can keep it forever.
/// </summary>
internal static class BlobKeys
{
    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary><c>{prefix}/{first two hex digits}/{hash}{suffix}</c>, e.g. <c>pdf/3f/3f…9a.pdf</c>.</summary>
    public static string For(string prefix, string hash, string suffix) => $"{prefix}/{hash[..2]}/{hash}{suffix}";
}
