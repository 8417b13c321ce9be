namespace Broadsheet.Web.OpenData.Feeds;

/// <summary>Where the Atom feeds are.</summary>
internal static class FeedUrls
{
    /// <summary>Every published edition of a paper, newest first.</summary>
    public static string Publication(string slug) => $"/{slug}/feed.atom";

    /// <summary>The articles of the pages with this name (头版, Sport) or of this section (A, B).</summary>
    public static string Pages(string slug, string name) => $"/{slug}/pages/{Uri.EscapeDataString(name)}.atom";

    /// <summary>New articles matching a search, newest first: a reader's alert without an account.</summary>
    public static string Search(string q) => "/search/feed?q=" + Uri.EscapeDataString(q);
}
