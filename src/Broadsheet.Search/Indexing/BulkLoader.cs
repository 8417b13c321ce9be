using System.Threading.Channels;
using Lucene.Net.Index;

namespace Broadsheet.Search.Indexing;

/// <summary>
/// Feeds a stream of articles into a writer with one worker per core. Segmenting Chinese and inverting
/// documents is CPU-bound and Lucene's writer takes documents from several threads at once, so a rebuild of
/// a large archive runs about as many times faster as there are cores.
/// </summary>
internal static class BulkLoader
{
    private const int ProgressEvery = 250;

    /// <returns>How many articles were written.</returns>
    public static async Task<int> LoadAsync(
        IndexWriter writer, IAsyncEnumerable<ArticleDocument> articles, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var workers = Math.Max(1, Environment.ProcessorCount);
        var queue = Channel.CreateBounded<ArticleDocument>(new BoundedChannelOptions(workers * 64)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var count = 0;
        var progressLock = new Lock();
        var reported = 0;

        // Each worker keeps to one thread: Lucene reuses an analyser's token streams per thread and gives each
        // thread its own in-memory segment, so a worker that hopped between pool threads (an await per
        // article) kept building new token streams and contending for segments.
        void Consume()
        {
            var reader = queue.Reader;
            while (reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var article))
                {
                    writer.UpdateDocument(new Term(IndexSchema.Id, IndexSchema.IdKey(article.ArticleId)), DocumentMapper.ToDocument(article));
                    Report(Interlocked.Increment(ref count));
                }
            }
        }

        void Report(int written)
        {
            if (written % ProgressEvery == 0 && progress is not null)
            {
                // Workers race; reports only ever go up, so a progress bar never steps back.
                lock (progressLock)
                {
                    if (written > reported)
                    {
                        reported = written;
                        progress.Report(written);
                    }
                }
            }
        }

        async Task Produce()
        {
            await foreach (var article in articles.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                await queue.Writer.WriteAsync(article, stop.Token).ConfigureAwait(false);
            }

            queue.Writer.Complete();
        }

        // The first failure (a bad article, the source going away) stops everyone else, so that no worker
        // waits forever on a queue nobody fills or empties; WhenAll then reports that failure.
        async Task StopAllOnFailure(Func<Task> work)
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        var tasks = new List<Task> { StopAllOnFailure(Produce) };
        tasks.AddRange(Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(
            () => StopAllOnFailure(() =>
            {
                Consume();
                return Task.CompletedTask;
            }),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()));
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return count;
    }
}
