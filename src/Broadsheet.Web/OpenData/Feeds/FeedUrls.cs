using Broadsheet.Search;
using Broadsheet.Web.Search;

namespace Broadsheet.Web.OpenData.Feeds;

/// <summary>Where the Atom feeds are.</summary>
internal static class FeedUrls
{
    /// <summary>Every published edition of a paper, newest first.</summary>
    public static string Publication(string slug) => $"/{slug}/feed.atom";

    /// <summary>The articles of the pages with this name (头版, Sport) or of this section (A, B).</summary>
    public static string Pages(string slug, string name) => $"/{slug}/pages/{Uri.EscapeDataString(name)}.atom";

    /// <summary>
    /// New articles matching a search, newest first: a reader's alert without an account. The search page's own
    /// query (words, paper, page name, dates) with the parameters a feed has no use for left out: the order (a feed
    /// is newest first), the results page, and "this edition only" (<see cref="SearchFeed.Followable"/>).
    /// </summary>
    public static string Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = SearchFeed.Followable(request).Url(page: 1, sort: SearchSort.Relevance);
        return "/search/feed" + page["/search".Length..];
    }
}
