using Broadsheet.Bench.Search.Workload;
using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Engines;

/// <summary>Broadsheet's own search: <see cref="SearchIndex"/>, built by <see cref="SearchIndex.RebuildAsync"/>.</summary>
internal sealed class LuceneEngine(string folder) : IBenchEngine
{
    private readonly SearchIndex _index = new(folder);

    public string Name => "Broadsheet (Lucene.Net)";

    public async Task BuildAsync(IEnumerable<ArticleDocument> corpus, IProgress<int> progress, CancellationToken cancellationToken) =>
        await _index.RebuildAsync(Stream(corpus), progress, cancellationToken);

    public long SizeOnDisk() => new DirectoryInfo(_index.Path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public IQueryClient OpenClient() => new Client(_index);

    public void Dispose() => _index.Dispose();

    private static async IAsyncEnumerable<ArticleDocument> Stream(IEnumerable<ArticleDocument> corpus)
    {
        foreach (var article in corpus)
        {
            yield return article;
        }

        await Task.CompletedTask;
    }

    private sealed class Client(SearchIndex index) : IQueryClient
    {
        public IReadOnlyList<int> Run(BenchQuery query) => [.. index.Search(query.Lucene).Hits.Select(h => h.ArticleId)];

        public void Dispose()
        {
        }
    }
}
