using Broadsheet.Bench.Search.Workload;
using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Engines;

/// <summary>A full-text engine under test: built once from the corpus, then queried by one or more clients.</summary>
internal interface IBenchEngine : IDisposable
{
    string Name { get; }

    /// <summary>Builds the index from scratch; <paramref name="progress"/> gets the number of articles indexed so far.</summary>
    Task BuildAsync(IEnumerable<ArticleDocument> corpus, IProgress<int> progress, CancellationToken cancellationToken);

    /// <summary>Bytes the built index takes on disk.</summary>
    long SizeOnDisk();

    /// <summary>A client for one thread; each concurrent client opens its own.</summary>
    IQueryClient OpenClient();
}

/// <summary>Runs queries on one thread.</summary>
internal interface IQueryClient : IDisposable
{
    /// <summary>Runs the query as a result page would (top hits with headline, date and a snippet) and returns the hits' article ids, best first.</summary>
    IReadOnlyList<int> Run(BenchQuery query);
}
