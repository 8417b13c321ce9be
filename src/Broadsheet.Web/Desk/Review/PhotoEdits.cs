using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Doubts;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Desk.Review;

/// <summary>
/// The page-first edits of photos: make a photo (with its caption) an article of its own (图片新闻), give it to
/// another article, move or re-crop it, delete it. Each is one structural change, so it can be undone.
/// </summary>
internal static class PhotoEdits
{
    /// <summary>
    /// A photo-news article from <paramref name="image"/>: the photo and its caption leave their article, the
    /// caption's first sentence is the headline, the credit the byline; its region covers the photo and caption.
    /// </summary>
    public static Article PhotoNews(EditionWork work, PageAnalysis page, ArticleImage image, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(image);
        var owner = image.Article;
        var headline = Headline(image.Caption);
        var captionLines = page.LinesOf(owner).Where(i => page.Owners[i]!.Field is TextField.Caption or TextField.Credit
            && owner.Images.OrderBy(x => x.Id).ElementAtOrDefault(page.TextOf(owner).PlaceAt(page.Owners[i]!.Start).Index) == image).ToList();
        var area = captionLines.Select(i => Box.Of(page.Text.Lines[i])).Aggregate(Box.Of(image.Polygon), (a, b) => a.Union(b));
        Article? created = null;
        work.Restructure([owner], by, $"把《{DoubtChecks.Excerpt(owner.Headline, 12)}》里的图片做成图片新闻《{DoubtChecks.Excerpt(headline, 12)}》", () =>
        {
            created = work.Edition.InsertArticle(new ArticleContent { Headline = headline, Byline = image.Credit, Kind = ArticleKind.PhotoNews }, owner);
            work.Edition.MoveImage(image, created);
            var region = area.Inflate(0.002, 0.002).ToPolygon();
            created.AddRegion(page.Page, region);
            LineEdits.Subtract(page, owner, RegionGrid.Of([region]));
            LineEdits.RemoveEmpty(work.Edition, [owner]);
            created.MarkChecked();
        });
        return created!;
    }

    /// <summary>Gives <paramref name="image"/> with its caption to <paramref name="to"/>.</summary>
    public static string Give(EditionWork work, ArticleImage image, Article to, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(to);
        if (ReferenceEquals(image.Article, to))
        {
            throw new DomainException("这张图片已经是这篇文章的了。");
        }

        var from = image.Article;
        work.Restructure([from, to], by, $"把图片从《{DoubtChecks.Excerpt(from.Headline, 12)}》移到《{DoubtChecks.Excerpt(to.Headline, 12)}》", () =>
        {
            work.Edition.MoveImage(image, to);
            to.MarkChecked();
        });
        return $"图片已归到《{DoubtChecks.Excerpt(to.Headline, 16)}》。";
    }

    /// <summary>Moves or re-crops <paramref name="image"/> to <paramref name="polygon"/>.</summary>
    public static string Reframe(EditionWork work, ArticleImage image, Polygon polygon, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(polygon);
        if (polygon.Area < 0.0002)
        {
            throw new DomainException("图片框太小了：请拖出图片的整个范围。");
        }

        work.Restructure([image.Article], by, $"调整了《{DoubtChecks.Excerpt(image.Article.Headline, 12)}》的图片范围", () =>
        {
            image.Reframe(polygon);
            image.Article.MarkChecked();
        });
        return "图片范围已保存。";
    }

    public static string Delete(EditionWork work, ArticleImage image, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(image);
        var article = image.Article;
        work.Restructure([article], by, $"删除了《{DoubtChecks.Excerpt(article.Headline, 12)}》的一张图片", () =>
        {
            article.RemoveImage(image);
            article.MarkChecked();
        });
        return $"已删除图片。";
    }

    private static string Headline(string? caption)
    {
        if (string.IsNullOrWhiteSpace(caption))
        {
            return "图片新闻";
        }

        var end = caption.IndexOfAny(['。', '！', '？', '：', '.', '!', '?', ' ', '\u3000']);
        var first = (end > 0 ? caption[..end] : caption).Trim();
        return first.Length is > 0 and <= 30 ? first : DoubtChecks.Excerpt(caption, 20);
    }
}
