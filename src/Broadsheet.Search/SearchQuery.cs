namespace Broadsheet.Search;

/// <summary>How hits are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first; among equally good matches the newer edition first.</summary>
    Relevance = 0,

    /// <summary>Newest edition first; within a day the better match first.</summary>
    Newest = 1,

    /// <summary>Oldest edition first; within a day the better match first.</summary>
    Oldest = 2,
}

/// <summary>Restricts a search to one edition ("search this edition").</summary>
/// <param name="PublicationSlug">The publication's slug.</param>
/// <param name="Date">The edition's date.</param>
/// <param name="Number">The edition number, or null for every edition of that day.</param>
public sealed record EditionFilter(string PublicationSlug, DateOnly Date, int? Number = null);

/// <summary>
/// A reader's search. <see cref="Text"/> takes words, "quoted phrases", <c>AND</c>, <c>OR</c>, <c>NOT</c>
/// (and <c>+word</c>, <c>-word</c>), and the prefixes <c>title:</c> (headline, kicker, subheadline) and
/// <c>author:</c> (byline and photo credits); 标题： and 作者： work too. Input that does not parse is searched as
/// plain words, never rejected.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>The largest page size honoured; bigger requests are cut to it.</summary>
    public const int MaxPageSize = 100;

    /// <summary>What the reader typed; empty lists everything that passes the filters.</summary>
    public string? Text { get; init; }

    /// <summary>Only this publication (slug).</summary>
    public string? Publication { get; init; }

    /// <summary>Only editions on or after this date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only editions on or before this date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only articles on pages of this name (头版 …), matched exactly.</summary>
    public string? PageName { get; init; }

    /// <summary>Only this edition.</summary>
    public EditionFilter? Edition { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>1-based page of results; defaults to 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Hits per page; defaults to 20, at most <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>Whether to count hits by year, month, page name and publication.</summary>
    public bool Facets { get; init; }
}
