using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Doubts;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Desk.Review;

/// <summary>
/// Overlaps fixed in one step: an article's region on a page gives up what another article holds there (its
/// regions and its photos). Detection draws a story's region round a photo news item set into it; a reader's tap
/// on that photo then opens the story. Drawing the region again vertex by vertex is what this saves.
/// </summary>
internal static class RegionEdits
{
    public static string Yield(EditionWork work, PageAnalysis page, Article article, Article other, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(article, other))
        {
            throw new DomainException("一篇文章不能让给它自己。");
        }

        var taken = RegionGrid.Of(page.RegionsOf(other));
        foreach (var image in other.Images.Where(i => ReferenceEquals(i.Page, page.Page) || (i.PageId != 0 && i.PageId == page.Page.Id)))
        {
            taken.Add(image.Polygon);
        }

        var grid = RegionGrid.Of(page.RegionsOf(article));
        if (grid.Overlap(taken) < 1e-5)
        {
            throw new DomainException($"《{DoubtChecks.Excerpt(article.Headline, 12)}》和《{DoubtChecks.Excerpt(other.Headline, 12)}》在本版不重叠，不用让。");
        }

        grid.Subtract(taken);
        var left = Holding(page, article, grid.ToPolygons());
        if (left.Count == 0)
        {
            throw new DomainException($"让出以后《{DoubtChecks.Excerpt(article.Headline, 12)}》在本版就没有区域了：它整个在《{DoubtChecks.Excerpt(other.Headline, 12)}》里面，要删就删这篇文章。");
        }

        var summary = $"《{DoubtChecks.Excerpt(article.Headline, 12)}》的区域让出了和《{DoubtChecks.Excerpt(other.Headline, 12)}》重叠的部分";
        work.Restructure([article], by, summary, () => article.ReplaceRegions(page.Page, left));
        return summary + "。";
    }

    /// <summary>
    /// The pieces that still hold some of the article's printed lines or photos: a region drawn round an item leaves
    /// slivers beside it (a strip between its caption and the next story) that are nobody's and would only catch taps.
    /// All of them when none does (an article whose text the page's text layer does not show).
    /// </summary>
    private static IReadOnlyList<Polygon> Holding(PageAnalysis page, Article article, IReadOnlyList<Polygon> pieces)
    {
        var points = page.LinesOf(article).Select(i => (page.Text.Lines[i].CenterX, page.Text.Lines[i].CenterY))
            .Concat(article.Images.Where(i => ReferenceEquals(i.Page, page.Page) || (i.PageId != 0 && i.PageId == page.Page.Id))
                .Select(i => Box.Of(i.Polygon)).Select(b => (b.CenterX, b.CenterY)))
            .ToList();
        var holding = pieces.Where(p => points.Exists(c => p.Contains(c.Item1, c.Item2))).ToList();
        return holding.Count > 0 ? holding : pieces;
    }
}
