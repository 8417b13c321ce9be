namespace Broadsheet.Core.Model;

/// <summary>Where an article lives in the reader: the first page it is printed on, and its place among that page's articles.</summary>
/// <param name="Article">The article.</param>
/// <param name="Page">The first page (in page order) that holds one of its regions.</param>
/// <param name="N">Its 1-based place, in reading order, among the articles printed on that page.</param>
public sealed record ArticleHome(Article Article, Page Page, int N);

/// <summary>
/// The one rule for numbering articles on a page, shared by the reader's URLs (<c>/{pub}/{date}/{page}/{n}</c>)
/// and search results: a page's articles are those with a region on it, in the edition's reading order.
/// </summary>
public static class ArticleHomes
{
    /// <summary>The articles printed on <paramref name="page"/>, in reading order (the first is n = 1).</summary>
    public static IReadOnlyList<Article> On(Edition edition, Page page)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(page);
        return [.. edition.Articles.OrderBy(a => a.Order).Where(a => a.Regions.Any(r => IsOn(r, page)))];
    }

    /// <summary>Every article that appears on some page, with its home; articles without a region have none.</summary>
    public static IReadOnlyList<ArticleHome> Of(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var homes = new Dictionary<Article, ArticleHome>(ReferenceEqualityComparer.Instance);
        foreach (var page in edition.Pages.OrderBy(p => p.Order))
        {
            var n = 0;
            foreach (var article in On(edition, page))
            {
                n++;
                homes.TryAdd(article, new ArticleHome(article, page, n));
            }
        }

        return [.. edition.Articles.OrderBy(a => a.Order).Where(homes.ContainsKey).Select(a => homes[a])];
    }

    /// <summary>
    /// Whether <paramref name="region"/> is printed on <paramref name="page"/>: a loaded region knows its page id,
    /// one built in memory and not yet saved knows only the page object.
    /// </summary>
    public static bool IsOn(ArticleRegion region, Page page) =>
        ReferenceEquals(region.Page, page) || (region.PageId != 0 && region.PageId == page.Id);
}
