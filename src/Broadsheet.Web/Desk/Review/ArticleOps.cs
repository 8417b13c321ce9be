using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Doubts;

namespace Broadsheet.Web.Desk.Review;

/// <summary>Whole-article changes from the page: delete, reorder, change kind, link fragments, mark as checked.</summary>
internal static class ArticleOps
{
    public static string Delete(EditionWork work, Article article, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(article);
        var title = article.Headline;
        work.Restructure([article], by, $"删除了《{title}》", () => work.Edition.DeleteArticle(article));
        work.Audit(by, "delete-article", $"{work.Subject} 《{title}》");
        return $"已删除《{DoubtChecks.Excerpt(title, 16)}》。可以按“撤销”找回。";
    }

    /// <summary>Moves the article <paramref name="steps"/> places on among the articles of <paramref name="page"/> (negative: back).</summary>
    public static string Move(EditionWork work, Page page, Article article, int steps, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(article);
        var onPage = ArticleHomes.On(work.Edition, page).ToList();
        var at = onPage.IndexOf(article);
        if (at < 0)
        {
            throw new DomainException("这篇文章不在这一版上。");
        }

        var to = Math.Clamp(at + steps, 0, onPage.Count - 1);
        if (to == at)
        {
            return "已经在最" + (steps < 0 ? "前" : "后") + "了。";
        }

        var order = onPage[to].Order;
        work.Restructure([article], by, $"调整了阅读顺序：《{DoubtChecks.Excerpt(article.Headline, 12)}》移到本版第{to + 1}篇", () =>
            work.Edition.MoveArticle(article, order));
        work.Audit(by, "reorder-articles", $"{work.Subject} 《{article.Headline}》", $"第{page.Label}版第{at + 1}篇移到第{to + 1}篇");
        return $"《{DoubtChecks.Excerpt(article.Headline, 16)}》现在是本版第{to + 1}篇。";
    }

    public static string Kind(EditionWork work, Article article, ArticleKind kind, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(article);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("没有这种文章类型。");
        }

        work.Restructure([article], by, $"类型改成了{Review.DeskText.Kind(kind)}", () =>
        {
            article.Apply(LineEdits.Content(article) with { Kind = kind });
            article.MarkChecked();
        });
        work.Audit(by, "edit-article", $"{work.Subject} 《{article.Headline}》", $"类型：{Review.DeskText.Kind(kind)}");
        return $"《{DoubtChecks.Excerpt(article.Headline, 16)}》现在是{Review.DeskText.Kind(kind)}。";
    }

    /// <summary>Links a fragment to the story it continues: <paramref name="fragment"/>'s text follows <paramref name="story"/>'s, its regions and photos become the story's.</summary>
    public static string Link(EditionWork work, Article story, Article fragment, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArticleChanges.Merge(work, story, fragment, by);
        return $"《{DoubtChecks.Excerpt(fragment.Headline, 16)}》接到了《{DoubtChecks.Excerpt(story.Headline, 16)}》后面。";
    }

    public static string Check(EditionWork work, Article article, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(article);
        article.MarkChecked();
        work.Audit(by, "check-article", $"{work.Subject} 《{article.Headline}》");
        return $"《{DoubtChecks.Excerpt(article.Headline, 16)}》已核对，不再列在“需要检查”里。";
    }

    public static string CheckPage(EditionWork work, Page page, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(page);
        page.MarkChecked();
        work.Audit(by, "check-page", $"{work.Subject} 第{page.Label}版");
        return $"第{page.Label}版已核对。";
    }
}
