using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

/// <summary>
/// The desk's three restructuring operations on the model itself (the desk and the browser tests reach them only
/// through HTTP): what an editor sees afterwards in the article list, the article's text and its outline on the page.
/// </summary>
public sealed class ArticleRestructureTests
{
    private static readonly PageSize Broadsheet = new(992, 1417);

    [Fact]
    public void Merging_appends_the_absorbed_text_takes_its_outline_and_photo_and_closes_the_gap_in_reading_order()
    {
        var (edition, front, _, articles) = Edition();
        var (lead, continued, after) = (articles[0], articles[1], articles[2]);
        var photo = continued.AddImage(front, Polygon.Rectangle(0.5, 0.1, 0.9, 0.3), "江堤夜景", "记者 李明");
        photo.SetPhoto("photos/abc", 800, 600);

        var removed = edition.MergeArticles(lead, continued);

        Assert.Same(continued, removed);
        Assert.Equal(["江堤加固工程完工", "全长十二公里", "下一步是绿化", "汛期前通水"], lead.Paragraphs);
        Assert.Equal(["防汛工程完工", "社区食堂开张"], edition.Articles.OrderBy(a => a.Order).Select(a => a.Headline));
        Assert.Equal([1, 2], edition.Articles.OrderBy(a => a.Order).Select(a => a.Order));
        Assert.Equal(2, after.Order);
        Assert.Equal(["01", "01", "02"], lead.Regions.Select(r => r.Page.Label));
        Assert.All(lead.Regions, r => Assert.Same(lead, r.Article));
        var moved = Assert.Single(lead.Images);
        Assert.Equal(("江堤夜景", "记者 李明", "photos/abc"), (moved.Caption, moved.Credit, moved.PhotoKey));
        Assert.Empty(continued.Regions);
        Assert.Empty(continued.Images);
    }

    [Fact]
    public void An_article_cannot_be_merged_with_itself_or_with_another_editions_and_nothing_changes()
    {
        var (edition, _, _, articles) = Edition();
        var (other, _, _, otherArticles) = Edition();

        var self = Assert.Throws<DomainException>(() => edition.MergeArticles(articles[0], articles[0]));
        var foreign = Assert.Throws<DomainException>(() => edition.MergeArticles(articles[0], otherArticles[0]));

        Assert.Equal("An article cannot be merged with itself.", self.Message);
        Assert.Equal("'防汛工程完工' is not an article of the edition of 2026-11-02.", foreign.Message);
        Assert.Equal(3, edition.Articles.Count);
        Assert.Equal(3, other.Articles.Count);
        Assert.Equal(["江堤加固工程完工", "全长十二公里"], articles[0].Paragraphs);
    }

    [Fact]
    public void Splitting_makes_a_new_article_of_the_rest_right_after_it_with_no_outline_until_one_is_drawn()
    {
        var (edition, _, _, articles) = Edition();
        var (lead, continued, after) = (articles[0], articles[1], articles[2]);
        var regionsBefore = lead.Regions.Select(r => r.Polygon).ToList();

        var created = edition.SplitArticle(lead, 1, "工程全长十二公里");

        Assert.Equal(["江堤加固工程完工"], lead.Paragraphs);
        Assert.Equal("工程全长十二公里", created.Headline);
        Assert.Equal(["全长十二公里"], created.Paragraphs);
        Assert.Empty(created.Regions);
        Assert.Equal(regionsBefore, lead.Regions.Select(r => r.Polygon));
        Assert.Equal(
            ["防汛工程完工", "工程全长十二公里", "防汛工程（续）", "社区食堂开张"],
            edition.Articles.OrderBy(a => a.Order).Select(a => a.Headline));
        Assert.Equal((1, 2, 3, 4), (lead.Order, created.Order, continued.Order, after.Order));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-1)]
    public void An_article_can_be_split_only_between_two_of_its_paragraphs_and_a_refusal_changes_nothing(int at)
    {
        var (edition, _, _, articles) = Edition();

        var error = Assert.Throws<DomainException>(() => edition.SplitArticle(articles[0], at, "下篇"));

        Assert.Contains("can be split only between two of its 2 paragraphs", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, edition.Articles.Count);
        Assert.Equal(["江堤加固工程完工", "全长十二公里"], articles[0].Paragraphs);
    }

    [Fact]
    public void Moving_paragraphs_puts_them_at_the_end_of_the_other_article_in_their_order_and_leaves_the_rest()
    {
        var (edition, _, _, articles) = Edition();
        var (lead, _, after) = (articles[0], articles[1], articles[2]);
        after.InsertParagraphs(after.Paragraphs.Count, ["每周二休息", "欢迎老人就餐"]);

        edition.MoveParagraphs(after, 1, 2, lead);

        Assert.Equal(["江堤加固工程完工", "全长十二公里", "每周二休息", "欢迎老人就餐"], lead.Paragraphs);
        Assert.Equal(["食堂位于滨江社区"], after.Paragraphs);
        Assert.Equal(3, edition.Articles.Count);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(-1, 1)]
    [InlineData(0, 0)]
    public void Moving_paragraphs_that_are_not_all_there_is_refused_and_changes_nothing(int start, int count)
    {
        var (edition, _, _, articles) = Edition();

        var error = Assert.Throws<DomainException>(() => edition.MoveParagraphs(articles[0], start, count, articles[2]));

        Assert.StartsWith("'防汛工程完工' has 2 paragraphs", error.Message, StringComparison.Ordinal);
        Assert.Equal(["江堤加固工程完工", "全长十二公里"], articles[0].Paragraphs);
        Assert.Equal(["食堂位于滨江社区"], articles[2].Paragraphs);
    }

    [Fact]
    public void Paragraphs_cannot_be_moved_into_their_own_article()
    {
        var (edition, _, _, articles) = Edition();

        var error = Assert.Throws<DomainException>(() => edition.MoveParagraphs(articles[0], 0, 1, articles[0]));

        Assert.Equal("Choose another article to move the text to.", error.Message);
        Assert.Equal(["江堤加固工程完工", "全长十二公里"], articles[0].Paragraphs);
    }

    /// <summary>
    /// Page 01 holds the lead story and the start of its continuation; page 02 the rest of the continuation and
    /// the canteen story.
    /// </summary>
    internal static (Edition Edition, Page Front, Page Second, IReadOnlyList<Article> Articles) Edition()
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        var front = edition.AddPage("01", "头版", Broadsheet);
        var second = edition.AddPage("02", "要闻", Broadsheet);
        var lead = edition.AddArticle(new ArticleContent { Headline = "防汛工程完工", Paragraphs = ["江堤加固工程完工", "全长十二公里"] });
        var continued = edition.AddArticle(new ArticleContent { Headline = "防汛工程（续）", Paragraphs = ["下一步是绿化", "汛期前通水"] });
        var canteen = edition.AddArticle(new ArticleContent { Headline = "社区食堂开张", Paragraphs = ["食堂位于滨江社区"] });
        lead.AddRegion(front, Polygon.Rectangle(0.05, 0.05, 0.95, 0.5));
        continued.AddRegion(front, Polygon.Rectangle(0.05, 0.55, 0.95, 0.95));
        continued.AddRegion(second, Polygon.Rectangle(0.05, 0.05, 0.5, 0.5));
        canteen.AddRegion(second, Polygon.Rectangle(0.55, 0.05, 0.95, 0.5));
        return (edition, front, second, [lead, continued, canteen]);
    }
}
