using Broadsheet.Search.Analysis;
using Broadsheet.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Broadsheet.Search.Indexing;

/// <summary>
/// One open index: its directory, the single writer Lucene allows, and the near-real-time searcher manager
/// fed from that writer. Swapped as a whole when a rebuild finishes.
/// </summary>
internal sealed class IndexState : IDisposable
{
    private IndexState(LuceneDirectory directory, IndexWriter writer, SearcherManager searchers, string schemaVersion)
    {
        Directory = directory;
        Writer = writer;
        Searchers = searchers;
        SchemaVersion = schemaVersion;
    }

    public LuceneDirectory Directory { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    /// <summary>
    /// The analysis scheme the documents in this index were written with. An outdated index keeps its old
    /// version through later writes, so it is reported as outdated until a rebuild replaces it.
    /// </summary>
    public string SchemaVersion { get; }

    /// <summary>Opens (or creates) the index at <paramref name="path"/> and commits once so it exists on disk.</summary>
    public static IndexState Open(string path, SearchAnalyzers analyzers, OpenMode mode)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = new MappedDirectory(path);
        IndexWriter? writer = null;
        try
        {
            var existing = mode != OpenMode.CREATE && DirectoryReader.IndexExists(directory);
            writer = new IndexWriter(directory, CreateConfig(analyzers, mode));
            var version = IndexSchema.SchemaVersion;
            if (existing)
            {
                version = writer.CommitData.TryGetValue(IndexSchema.SchemaVersionKey, out var v) ? v : "0";
            }
            else
            {
                Commit(writer, version);
            }

            var searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
            return new IndexState(directory, writer, searchers, version);
        }
        catch
        {
            writer?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Makes everything written so far durable, recording the schema version for <see cref="IndexChecker"/>.</summary>
    public void Commit() => Commit(Writer, SchemaVersion);

    /// <summary>Makes a write durable and visible to the next search.</summary>
    public void CommitAndRefresh()
    {
        Commit();
        Searchers.MaybeRefreshBlocking();
    }

    private static void Commit(IndexWriter writer, string schemaVersion)
    {
        writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [IndexSchema.SchemaVersionKey] = schemaVersion,
        });
        writer.Commit();
    }

    public void Dispose()
    {
        Searchers.Dispose();
        Writer.Dispose();
        Directory.Dispose();
    }

    private static IndexWriterConfig CreateConfig(SearchAnalyzers analyzers, OpenMode mode) =>
        new(IndexSchema.MatchVersion, analyzers.Indexing)
        {
            OpenMode = mode,
            Similarity = new BM25Similarity(),
            // A rebuild flushes fewer, larger segments, so there is less merging; ordinary writes commit long
            // before the buffer fills.
            RAMBufferSizeMB = 128,
            // A rebuild (the only thing that creates an index) merges everything into one segment at the end,
            // so packing each flushed segment into a compound file first would only copy it once more.
            UseCompoundFile = mode != OpenMode.CREATE,
        };

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        // BM25 saturates term frequency, so a long body that repeats a word does not outrank a headline.
        // A new segment's columns are read here, before any search can use the searcher.
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var segment in reader.Leaves)
            {
                SegmentColumns.For(segment.AtomicReader);
            }

            return new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        }
    }
}
