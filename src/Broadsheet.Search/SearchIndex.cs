using Broadsheet.Search.Analysis;
using Broadsheet.Search.Indexing;
using Broadsheet.Search.Querying;
using Lucene.Net.Index;

namespace Broadsheet.Search;

/// <summary>
/// The full-text index of every article of every edition, in one folder of the data folder. One instance per
/// folder and process (Lucene allows a single writer); all members are thread-safe. Writes are committed and
/// visible to the next search when their task completes.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    // One of each kind of search, for Warm.
    private static readonly string[] WarmUpSearches = ["新闻", "\"新闻报道\" OR 记者", "reports AND news", "title:新闻 NOT 广告"];

    private readonly SearchAnalyzers _analyzers = new();
    private readonly SearchExecutor _executor;

    // Writes (and the end of a rebuild) take turns; searches only wait for the moment an index is swapped.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ReaderWriterLockSlim _swapLock = new();
    private readonly Lock _replayLock = new();

    // Held while this instance lives: nothing else may check, set aside or write the index meanwhile.
    private readonly FileStream _owner;

    private IndexState _state;
    private List<Action<IndexWriter>>? _replay;
    private int _rebuilding;
    private bool _disposed;

    /// <summary>
    /// Opens the index in <paramref name="path"/>, creating an empty one when there is none. A damaged index is
    /// moved aside (to <c>{path}.corrupt-N</c>) and replaced by an empty one, so the site keeps working and
    /// <see cref="HealthAtOpen"/> says a rebuild is due.
    /// </summary>
    /// <exception cref="SearchIndexInUseException">Another process (a running server) holds the index.</exception>
    public SearchIndex(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _owner = SearchIndexInUseException.Claim(Path);
        _executor = new SearchExecutor(_analyzers);
        try
        {
            HealthAtOpen = IndexChecker.Inspect(Path, verifyChecksums: false);
            if (HealthAtOpen.IsForeign)
            {
                throw new InvalidOperationException(HealthAtOpen.Message);
            }

            if (HealthAtOpen.Status == IndexHealthStatus.Corrupt)
            {
                HealthAtOpen = SetAside(HealthAtOpen);
            }

            try
            {
                _state = IndexState.Open(Path, _analyzers, OpenMode.CREATE_OR_APPEND);
            }
            catch (IOException ex) when (ex is not Lucene.Net.Store.LockObtainFailedException)
            {
                // Damage that only the writer ran into (a segment file it has to read and the quick check did not).
                HealthAtOpen = SetAside(new IndexHealth(IndexHealthStatus.Corrupt, 0, ex.Message));
                _state = IndexState.Open(Path, _analyzers, OpenMode.CREATE_OR_APPEND);
            }
        }
        catch
        {
            _analyzers.Dispose();
            _swapLock.Dispose();
            _writeGate.Dispose();
            _owner.Dispose();
            throw;
        }

        IndexFolders.DeleteStale(Path);
    }

    /// <summary>The index folder.</summary>
    public string Path { get; }

    /// <summary>What the index was like when this instance opened it; not <see cref="IndexHealth.IsHealthy"/> means a rebuild is due.</summary>
    public IndexHealth HealthAtOpen { get; }

    /// <summary>How many articles the index holds now.</summary>
    public int DocumentCount => WithSearcher(s => s.IndexReader.NumDocs);

    /// <summary>Whether <see cref="RebuildAsync"/> is running.</summary>
    public bool IsRebuilding => Volatile.Read(ref _rebuilding) == 1;

    /// <summary>Checks the index at <paramref name="path"/> without opening it for writing: missing, corrupt (every file is read against its checksum), outdated or healthy.</summary>
    public static IndexHealth Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return IndexChecker.Inspect(System.IO.Path.GetFullPath(path), verifyChecksums: true);
    }

    /// <summary>Adds the articles, replacing any already indexed under the same <see cref="ArticleDocument.ArticleId"/>.</summary>
    public Task IndexAsync(IEnumerable<ArticleDocument> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var docs = articles.Select(a => (a.ArticleId, Doc: DocumentMapper.ToDocument(a))).ToList();
        return WriteAsync(
            writer =>
            {
                foreach (var (id, doc) in docs)
                {
                    writer.UpdateDocument(IdTerm(id), doc);
                }
            },
            cancellationToken);
    }

    /// <summary>Removes the articles; ids that are not indexed are ignored.</summary>
    public Task DeleteAsync(IEnumerable<int> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var terms = articleIds.Select(IdTerm).ToArray();
        return terms.Length == 0 ? Task.CompletedTask : WriteAsync(writer => writer.DeleteDocuments(terms), cancellationToken);
    }

    /// <summary>Removes every article of an edition (a withdrawn edition).</summary>
    public Task DeleteEditionAsync(string publicationSlug, DateOnly date, int number, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicationSlug);
        var term = new Term(IndexSchema.Edition, IndexSchema.EditionKey(publicationSlug, date, number));
        return WriteAsync(writer => writer.DeleteDocuments(term), cancellationToken);
    }

    /// <summary>
    /// Replaces an edition's articles with <paramref name="articles"/> in one commit (a republished edition):
    /// no search sees the edition half-replaced. Every article must belong to that edition.
    /// </summary>
    public Task ReplaceEditionAsync(
        string publicationSlug, DateOnly date, int number, IEnumerable<ArticleDocument> articles, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicationSlug);
        ArgumentNullException.ThrowIfNull(articles);
        var list = articles.ToList();
        var stray = list.Find(a => !string.Equals(a.PublicationSlug, publicationSlug, StringComparison.Ordinal) || a.Date != date || a.EditionNumber != number);
        if (stray is not null)
        {
            throw new ArgumentException(
                $"Article {stray.ArticleId} belongs to {IndexSchema.EditionKey(stray.PublicationSlug, stray.Date, stray.EditionNumber)}, not to the edition being replaced ({IndexSchema.EditionKey(publicationSlug, date, number)}).",
                nameof(articles));
        }

        var docs = list.Select(a => (a.ArticleId, Doc: DocumentMapper.ToDocument(a))).ToList();
        var editionTerm = new Term(IndexSchema.Edition, IndexSchema.EditionKey(publicationSlug, date, number));
        return WriteAsync(
            writer =>
            {
                writer.DeleteDocuments(editionTerm);
                foreach (var (id, doc) in docs)
                {
                    writer.UpdateDocument(IdTerm(id), doc);
                }
            },
            cancellationToken);
    }

    /// <summary>Searches; never throws on what a reader typed.</summary>
    public SearchResult Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WithSearcher(s => _executor.Execute(s, query));
    }

    /// <summary>
    /// Runs one search of each kind (a word, a phrase, English, a field, an exclusion, a filter, facets), so that
    /// the first reader to search after a start does not wait while the runtime compiles the search code. On a
    /// year of a daily the first results page after a start took 0.61 s without this and 0.14 s with it (the
    /// rest is the page's own first rendering); later ones take about 10 ms.
    /// </summary>
    public void Warm()
    {
        foreach (var text in WarmUpSearches)
        {
            Search(new SearchQuery { Text = text, Facets = true, From = new DateOnly(1900, 1, 1) });
        }
    }

    /// <summary>
    /// Builds a new index from <paramref name="all"/> in a fresh folder beside this one, then swaps it in.
    /// Searches keep using the old index until the swap; writes made meanwhile go to both. On failure or
    /// cancellation the old index stays as it was. <paramref name="progress"/> receives the number of
    /// articles indexed so far.
    /// </summary>
    public async Task RebuildAsync(IAsyncEnumerable<ArticleDocument> all, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(all);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _rebuilding, 1) == 1)
        {
            throw new InvalidOperationException($"A rebuild of the search index at {Path} is already running.");
        }

        var buildPath = IndexFolders.NewRebuildPath(Path);
        IndexState? build = null;
        try
        {
            lock (_replayLock)
            {
                _replay = [];
            }

            build = IndexState.Open(buildPath, _analyzers, OpenMode.CREATE);
            var count = await BulkLoader.LoadAsync(build.Writer, all, progress, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            // One segment: a query looks up each of its terms and sets up a scorer once per segment, and with
            // the handful a rebuild leaves that was half of an average query's time. Merging costs about a
            // twelfth of the rebuild.
            build.Writer.ForceMerge(1);
            cancellationToken.ThrowIfCancellationRequested();

            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                List<Action<IndexWriter>> pending;
                lock (_replayLock)
                {
                    pending = _replay ?? [];
                    _replay = null;
                }

                foreach (var change in pending)
                {
                    change(build.Writer);
                }

                build.Commit();
                build.Dispose();
                build = null;
                Swap(buildPath);
            }
            finally
            {
                _writeGate.Release();
            }

            progress?.Report(count);
        }
        finally
        {
            lock (_replayLock)
            {
                _replay = null;
            }

            if (build is not null)
            {
                build.Writer.Rollback();
                build.Dispose();
            }

            IndexFolders.TryDelete(buildPath);
            Volatile.Write(ref _rebuilding, 0);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _writeGate.Wait();
        _swapLock.EnterWriteLock();
        try
        {
            _disposed = true;
            _state.Dispose();
        }
        finally
        {
            _swapLock.ExitWriteLock();
            _writeGate.Release();
        }

        _analyzers.Dispose();
        _swapLock.Dispose();
        _owner.Dispose();
    }

    private static Term IdTerm(int articleId) => new(IndexSchema.Id, IndexSchema.IdKey(articleId));

    private async Task WriteAsync(Action<IndexWriter> change, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                change(_state.Writer);
                _state.CommitAndRefresh();
            }
            catch
            {
                // Rolling back closes Lucene's writer; reopen so a failed write leaves the last commit intact
                // instead of half of this change pending for the next one.
                Reopen(rollBack: true);
                throw;
            }

            lock (_replayLock)
            {
                _replay?.Add(change);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private T WithSearcher<T>(Func<Lucene.Net.Search.IndexSearcher, T> use)
    {
        _swapLock.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var searchers = _state.Searchers;
            var searcher = searchers.Acquire();
            try
            {
                return use(searcher);
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
        finally
        {
            _swapLock.ExitReadLock();
        }
    }

    // Called with the write gate held.
    private void Swap(string buildPath)
    {
        _swapLock.EnterWriteLock();
        try
        {
            _state.Dispose();
            var oldPath = IndexFolders.NewOldPath(Path);
            Directory.Move(Path, oldPath);
            try
            {
                Directory.Move(buildPath, Path);
            }
            catch
            {
                Directory.Move(oldPath, Path);
                _state = IndexState.Open(Path, _analyzers, OpenMode.CREATE_OR_APPEND);
                throw;
            }

            _state = IndexState.Open(Path, _analyzers, OpenMode.CREATE_OR_APPEND);
            IndexFolders.TryDelete(oldPath);
        }
        finally
        {
            _swapLock.ExitWriteLock();
        }
    }

    // Called with the write gate held.
    private void Reopen(bool rollBack)
    {
        _swapLock.EnterWriteLock();
        try
        {
            if (rollBack)
            {
                _state.Writer.Rollback();
            }

            _state.Dispose();
            _state = IndexState.Open(Path, _analyzers, OpenMode.CREATE_OR_APPEND);
        }
        finally
        {
            _swapLock.ExitWriteLock();
        }
    }

    private IndexHealth SetAside(IndexHealth found)
    {
        var aside = IndexFolders.SetAside(Path);
        return found with
        {
            Message = $"The search index at {Path} was damaged ({found.Message}) and has been moved to {aside}; searches find nothing until it is rebuilt.",
        };
    }
}
