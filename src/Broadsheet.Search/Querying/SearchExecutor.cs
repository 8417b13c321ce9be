using Broadsheet.Search.Analysis;
using Broadsheet.Search.Indexing;
using Lucene.Net.Search;

namespace Broadsheet.Search.Querying;

/// <summary>Runs a <see cref="SearchQuery"/> against one searcher: top hits of the requested page, total, facets.</summary>
internal sealed class SearchExecutor(SearchAnalyzers analyzers)
{
    /// <summary>How deep a reader can page (500 pages of 20); deeper pages come back empty, the total stays right.</summary>
    public const int MaxWindow = 10_000;

    private static readonly Sort ByNewest = new(new SortField(IndexSchema.DateValues, SortFieldType.INT32, true), SortField.FIELD_SCORE);
    private static readonly Sort ByOldest = new(new SortField(IndexSchema.DateValues, SortFieldType.INT32, false), SortField.FIELD_SCORE);

    private readonly QueryCompiler _compiler = new(analyzers);

    public SearchResult Execute(IndexSearcher searcher, SearchQuery query)
    {
        var compiled = _compiler.Compile(query);
        var result = Execute(searcher, query, compiled);
        if (result.Total > 0 || !compiled.Spellable)
        {
            return result;
        }

        // Nothing at all: try again letting single Latin words match near misspellings.
        var lenient = Execute(searcher, query, _compiler.Compile(query, lenient: true));
        return lenient.Total > 0 ? lenient with { Approximate = true } : result;
    }

    private SearchResult Execute(IndexSearcher searcher, SearchQuery query, CompiledQuery compiled)
    {
        if (compiled.Query is null)
        {
            return query.Facets ? SearchResult.Empty with { Facets = new FacetCollector().Result() } : SearchResult.Empty;
        }

        var pageSize = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        var skip = (long)(Math.Max(1, query.Page) - 1) * pageSize;
        var window = (int)Math.Min(skip + pageSize, MaxWindow);

        var facets = query.Facets ? new FacetCollector() : null;
        var (page, total) = query.Sort == SearchSort.Relevance
            ? ByRelevance(searcher, compiled, window, facets, skip, pageSize)
            : ByDate(searcher, compiled, query.Sort == SearchSort.Newest ? ByNewest : ByOldest, window, facets, skip, pageSize);
        var builder = new HitBuilder(new PhraseMarker(analyzers.Mark, compiled.MarkTerms));
        var hits = page
            .Select(d => builder.Build(DocumentMapper.FromDocument(searcher.Doc(d.Doc)), float.IsNaN(d.Score) ? 0f : d.Score))
            .ToList();
        return new SearchResult(total, hits, facets?.Result());
    }

    // Relevance still breaks ties by date (newest first), but a date never outranks a better match.
    private static (ScoreDoc[] Page, int Total) ByRelevance(
        IndexSearcher searcher, CompiledQuery compiled, int window, FacetCollector? facets, long skip, int pageSize)
    {
        var top = new RelevanceCollector(window, facets);
        searcher.Search(BitSetFilter.Apply(compiled.Query!, compiled.Filter), top);
        return (skip >= window ? [] : top.Top((int)skip, pageSize), top.TotalHits);
    }

    private static (ScoreDoc[] Page, int Total) ByDate(
        IndexSearcher searcher, CompiledQuery compiled, Sort sort, int window, FacetCollector? facets, long skip, int pageSize)
    {
        var top = TopFieldCollector.Create(sort, window, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        searcher.Search(BitSetFilter.Apply(compiled.Query!, compiled.Filter), facets is null ? top : MultiCollector.Wrap(top, facets));
        return (skip >= window ? [] : top.GetTopDocs((int)skip, pageSize).ScoreDocs, top.TotalHits);
    }
}
