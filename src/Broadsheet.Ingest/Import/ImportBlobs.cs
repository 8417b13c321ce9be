using System.Collections.Concurrent;
using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// The blob store as one import sees it: it notes every key the import adds, so a failed or cancelled import
/// can take back exactly those and nothing another edition uses. Thread-safe.
/// </summary>
internal sealed class ImportBlobs(IBlobStore store)
{
    private readonly ConcurrentBag<string> _created = [];

    /// <summary>Copies a file in under <paramref name="key"/> unless a blob is already there (keys are content-addressed).</summary>
    public async Task CopyInAsync(string key, string path, CancellationToken cancellationToken)
    {
        if (await IsNewAsync(key, cancellationToken))
        {
            await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await store.PutAsync(key, content, cancellationToken);
        }
    }

    /// <summary>
    /// Moves every file under <paramref name="folder"/> (staging's own, of no use once stored) in as
    /// <c>{keyPrefix}/{its path in the folder}</c>, skipping keys that are already there, then removes the
    /// folder. A store that can takes the folder whole (a local disk renames it): a page's tiles are about 100
    /// nested folders (35 tiles at 2000 px), and making them again in the store and deleting them from staging
    /// cost an import more kernel time than encoding the tiles (ext4 searches past recently deleted inodes for
    /// every new one).
    /// </summary>
    public async Task MoveInFolderAsync(string keyPrefix, string folder, CancellationToken cancellationToken)
    {
        if (await store.TryPutFolderAsync(keyPrefix, folder, cancellationToken))
        {
            _created.Add(keyPrefix + "/");
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var key = $"{keyPrefix}/{Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')}";
            if (await IsNewAsync(key, cancellationToken))
            {
                await store.PutFileAsync(key, file, cancellationToken);
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private async Task<bool> IsNewAsync(string key, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(key, cancellationToken))
        {
            return false;
        }

        _created.Add(key);
        return true;
    }

    /// <summary>Deletes what this import added; used when it fails. Never throws: the caller is already failing.</summary>
    public Task DeleteAddedAsync() => DeleteQuietlyAsync(store, _created);

    /// <summary>
    /// Deletes <paramref name="keys"/>; a key ending in '/' is a prefix (a replaced page's images) and takes
    /// everything under it. A blob that will not go is left for housekeeping: an unreferenced blob is harmless.
    /// </summary>
    public static async Task DeleteQuietlyAsync(IBlobStore store, IEnumerable<string> keys)
    {
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (key.EndsWith('/'))
                {
                    var under = new List<string>();
                    await foreach (var item in store.ListAsync(key, CancellationToken.None))
                    {
                        under.Add(item);
                    }

                    foreach (var item in under)
                    {
                        await store.DeleteAsync(item, CancellationToken.None);
                    }

                    continue;
                }

                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for housekeeping.
            }
        }
    }
}
