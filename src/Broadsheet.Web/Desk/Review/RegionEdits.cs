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
        var left = grid.ToPolygons();
        if (left.Count == 0)
        {
            throw new DomainException($"让出以后《{DoubtChecks.Excerpt(article.Headline, 12)}》在本版就没有区域了：它整个在《{DoubtChecks.Excerpt(other.Headline, 12)}》里面，要删就删这篇文章。");
        }

        var summary = $"《{DoubtChecks.Excerpt(article.Headline, 12)}》的区域让出了和《{DoubtChecks.Excerpt(other.Headline, 12)}》重叠的部分";
        work.Restructure([article], by, summary, () => article.ReplaceRegions(page.Page, left));
        return summary + "。";
    }
}
