using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

/// <summary>
/// Which page and number an article's reader URL (<c>/{pub}/{date}/{page}/{n}</c>) and its search result point at,
/// and how that follows the desk's changes.
/// </summary>
public sealed class ArticleHomesTests
{
    [Fact]
    public void An_article_lives_on_the_first_page_that_prints_it_numbered_among_that_pages_articles_in_reading_order()
    {
        var (edition, front, second, articles) = ArticleRestructureTests.Edition();

        var homes = ArticleHomes.Of(edition);

        Assert.Equal(
            [("防汛工程完工", "01", 1), ("防汛工程（续）", "01", 2), ("社区食堂开张", "02", 2)],
            homes.Select(h => (h.Article.Headline, h.Page.Label, h.N)));
        Assert.Equal(["防汛工程（续）", "社区食堂开张"], ArticleHomes.On(edition, second).Select(a => a.Headline));
        Assert.Equal(["防汛工程完工", "防汛工程（续）"], ArticleHomes.On(edition, front).Select(a => a.Headline));
        Assert.Same(articles[0], homes[0].Article);
    }

    [Fact]
    public void An_article_with_no_outline_has_no_home_and_takes_no_number()
    {
        var (edition, _, second, articles) = ArticleRestructureTests.Edition();
        var created = edition.SplitArticle(articles[1], 1, "汛期前通水");

        var homes = ArticleHomes.Of(edition);

        Assert.DoesNotContain(homes, h => ReferenceEquals(h.Article, created));
        Assert.Equal(3, homes.Count);
        Assert.Equal(2, homes.Single(h => string.Equals(h.Article.Headline, "社区食堂开张", StringComparison.Ordinal)).N);
        Assert.DoesNotContain(created, ArticleHomes.On(edition, second));
    }

    [Fact]
    public void Moving_an_article_up_in_reading_order_renumbers_it_on_its_page()
    {
        var (edition, _, second, articles) = ArticleRestructureTests.Edition();

        edition.MoveArticle(articles[2], 1);

        Assert.Equal(["社区食堂开张", "防汛工程（续）"], ArticleHomes.On(edition, second).Select(a => a.Headline));
        Assert.Equal(("02", 1), ArticleHomes.Of(edition).Where(h => ReferenceEquals(h.Article, articles[2])).Select(h => (h.Page.Label, h.N)).Single());
    }

    [Fact]
    public void A_merge_moves_the_absorbed_articles_outline_and_so_its_numbers_to_the_kept_article()
    {
        var (edition, front, second, articles) = ArticleRestructureTests.Edition();

        edition.MergeArticles(articles[2], articles[1]);

        Assert.Equal(["防汛工程完工", "社区食堂开张"], ArticleHomes.On(edition, front).Select(a => a.Headline));
        Assert.Equal(["社区食堂开张"], ArticleHomes.On(edition, second).Select(a => a.Headline));
        Assert.Equal([("防汛工程完工", "01", 1), ("社区食堂开张", "01", 2)], ArticleHomes.Of(edition).Select(h => (h.Article.Headline, h.Page.Label, h.N)));
    }
}
