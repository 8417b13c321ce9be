using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Broadsheet.Search.Indexing;

/// <summary>Tells a healthy index from a missing, corrupt or outdated one without changing anything on disk.</summary>
internal static class IndexChecker
{
    /// <param name="path">The index folder.</param>
    /// <param name="verifyChecksums">
    /// Also read every file against its checksum: finds damaged bytes that opening alone does not touch,
    /// at the cost of reading the whole index once.
    /// </param>
    public static IndexHealth Inspect(string path, bool verifyChecksums)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return new(IndexHealthStatus.Missing, 0, $"There is no search index at {path} yet; rebuild it to make the archive searchable.");
        }

        try
        {
            using var directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory))
            {
                var files = directory.ListAll().Where(f => !string.Equals(f, IndexWriter.WRITE_LOCK_NAME, StringComparison.Ordinal)).ToList();
                if (files.Count == 0)
                {
                    return new(IndexHealthStatus.Missing, 0, $"There is no search index at {path} yet; rebuild it to make the archive searchable.");
                }

                // Segment files without a segments_N file are a damaged index; anything else is not ours.
                return files.All(LooksLikeIndexFile)
                    ? new(IndexHealthStatus.Corrupt, 0, $"The search index at {path} has no segments file and cannot be opened; rebuild it.")
                    : new(IndexHealthStatus.Corrupt, 0, $"{path} holds files that are not a search index; point the index at an empty or index folder.") { IsForeign = true };
            }

            using var reader = DirectoryReader.Open(directory);
            if (verifyChecksums)
            {
                foreach (var leaf in reader.Leaves)
                {
                    leaf.AtomicReader.CheckIntegrity();
                }
            }

            var count = reader.NumDocs;
            var version = reader.IndexCommit.UserData.TryGetValue(IndexSchema.SchemaVersionKey, out var v) ? v : null;
            if (!string.Equals(version, IndexSchema.SchemaVersion, StringComparison.Ordinal))
            {
                return new(IndexHealthStatus.Outdated, count, string.Create(CultureInfo.InvariantCulture,
                    $"The search index at {path} was built with an older analysis scheme ({version ?? "none"}, now {IndexSchema.SchemaVersion}); rebuild it so searches find everything."));
            }

            return new(IndexHealthStatus.Healthy, count, string.Create(CultureInfo.InvariantCulture, $"The search index at {path} holds {count} articles."));
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            return new(IndexHealthStatus.Corrupt, 0, $"The search index at {path} is damaged ({ex.GetType().Name}: {ex.Message}); rebuild it.");
        }
    }

    /// <summary>Names Lucene gives its files: segments_N, segments.gen, and _N.ext for segment data.</summary>
    private static bool LooksLikeIndexFile(string name) =>
        name.StartsWith('_') || name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal);

    /// <summary>
    /// What reading garbage throws: Lucene's CorruptIndexException and EOF are IOExceptions, but a
    /// damaged header can surface as almost anything while decoding; only out-of-memory is let through.
    /// </summary>
    internal static bool IsDamage(Exception ex) => ex is not (OutOfMemoryException or OperationCanceledException);
}
