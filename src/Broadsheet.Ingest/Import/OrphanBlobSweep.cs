using Broadsheet.Core;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest;

/// <summary>
/// Deletes page PDFs and page images no edition uses: what an import killed after storing its pages but before
/// saving the edition left behind, or a <c>--replace</c> killed between its save and its clean-up. It runs only
/// while no import runs (it takes the blob lock every import shares, exclusively, and gives up when it cannot),
/// so a blob an import is about to use is never taken from under it. The server runs it when it starts; an import
/// runs it first when it finds that an earlier one was killed.
/// </summary>
public sealed class OrphanBlobSweep(IEditionStore store, IBlobStore blobs, DataFolder folder)
{
    /// <summary>What the importer stores per page; share cards and whole-edition PDFs are made again on demand.</summary>
    private static readonly string[] Prefixes = ["pdf/", "pages/"];

    /// <summary>Deletes unused blobs; returns how many, or null when an import is running and nothing was looked at.</summary>
    public async Task<int?> SweepAsync(CancellationToken cancellationToken = default)
    {
        using var exclusive = StagingArea.TryLockBlobsExclusively(folder.StagingPath);
        if (exclusive is null)
        {
            return null;
        }

        var inUse = await store.BlobKeysInUseAsync(cancellationToken);
        var folders = inUse.Where(k => k.EndsWith('/')).ToList();
        var unused = new List<string>();
        foreach (var prefix in Prefixes)
        {
            await foreach (var key in blobs.ListAsync(prefix, cancellationToken))
            {
                if (!inUse.Contains(key) && !folders.Any(f => key.StartsWith(f, StringComparison.Ordinal)))
                {
                    unused.Add(key);
                }
            }
        }

        await Import.ImportBlobs.DeleteQuietlyAsync(blobs, unused);
        return unused.Count;
    }
}
