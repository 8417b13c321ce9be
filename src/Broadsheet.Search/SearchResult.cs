using Broadsheet.Core.Model;

namespace Broadsheet.Search;

/// <summary>One page of hits for a <see cref="SearchQuery"/>.</summary>
/// <param name="Total">How many articles match in all.</param>
/// <param name="Hits">The hits of the requested page.</param>
/// <param name="Facets">Counts over all matching articles, when the query asked for them.</param>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits, SearchFacets? Facets)
{
    /// <summary>
    /// The exact words matched nothing, and these hits match near spellings of them instead ("goverment"
    /// finds "government"); tell the reader so.
    /// </summary>
    public bool Approximate { get; init; }

    public static SearchResult Empty { get; } = new(0, [], null);
}

/// <summary>An article that matched, with what the reader URL and the result list need.</summary>
public sealed record SearchHit
{
    public required int ArticleId { get; init; }

    public required string PublicationSlug { get; init; }

    public required string PublicationName { get; init; }

    public required DateOnly Date { get; init; }

    public required int EditionNumber { get; init; }

    public required string PageLabel { get; init; }

    public required string PageName { get; init; }

    public required int ArticleNumberOnPage { get; init; }

    public required string Headline { get; init; }

    public required ArticleKind Kind { get; init; }

    /// <summary>Relevance score; only comparable within one result.</summary>
    public required float Score { get; init; }

    /// <summary>
    /// A passage of the body (or captions) as HTML: everything escaped except the <c>&lt;mark&gt;</c> elements
    /// around matched words. Safe to insert into a page as is.
    /// </summary>
    public required string Snippet { get; init; }

    /// <summary>
    /// The query's words and phrases as the reader typed them (width-folded, lower-cased, spaces collapsed)
    /// that this article contains; the page view marks their boxes on the page image.
    /// </summary>
    public required IReadOnlyList<string> MatchedPhrases { get; init; }

    /// <summary>
    /// The same matches as printed in the article ("runs" for the query "running"), distinct, in order of
    /// appearance; what the page view looks for among the page's word boxes.
    /// </summary>
    public required IReadOnlyList<string> MatchedForms { get; init; }
}

/// <summary>Hit counts over the whole result, for narrowing a search.</summary>
/// <param name="Years">By year (yyyy), oldest first.</param>
/// <param name="Months">By month (yyyy-MM), oldest first.</param>
/// <param name="PageNames">By page name, most hits first.</param>
/// <param name="Publications">By publication slug, most hits first.</param>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Years,
    IReadOnlyList<FacetCount> Months,
    IReadOnlyList<FacetCount> PageNames,
    IReadOnlyList<FacetCount> Publications);

/// <summary>A facet value and how many hits have it.</summary>
public sealed record FacetCount(string Value, int Count);
