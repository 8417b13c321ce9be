using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

public sealed class EditionTests
{
    private static readonly PageSize Broadsheet = new(992, 1417);

    [Fact]
    public void Page_labels_are_unique_within_an_edition_whatever_their_case()
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        edition.AddPage("A01", "头版", Broadsheet);

        var error = Assert.Throws<DomainException>(() => edition.AddPage(" a01 ", "要闻", Broadsheet));

        Assert.Equal("Page label 'A01' appears twice in the edition of 2026-11-02.", error.Message);
        Assert.Single(edition.Pages);
    }

    [Theory]
    [InlineData("01", "01")]
    [InlineData(" 12 ", "12")]
    [InlineData("a01", "A01")]
    public void Page_labels_are_trimmed_and_upper_cased(string given, string stored)
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        Assert.Equal(stored, edition.AddPage(given, "头版", Broadsheet).Label);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0 1")]
    [InlineData("../01")]
    [InlineData("123456789")]
    [InlineData("第1版")]
    public void Page_labels_that_cannot_be_a_url_segment_are_refused(string label)
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        Assert.Throws<DomainException>(() => edition.AddPage(label, "头版", Broadsheet));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1000, -1)]
    [InlineData(20000, 1000)]
    [InlineData(double.NaN, 1000)]
    public void Pages_of_impossible_size_are_refused(double width, double height)
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        Assert.Throws<DomainException>(() => edition.AddPage("01", "头版", new PageSize(width, height)));
    }

    [Fact]
    public void Pages_and_articles_keep_their_order()
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        var p1 = edition.AddPage("01", "头版", Broadsheet);
        var p2 = edition.AddPage("02", "要闻", Broadsheet);
        var a = edition.AddArticle(new ArticleContent { Headline = "甲" });
        var b = edition.AddArticle(new ArticleContent { Headline = "乙" });

        Assert.Equal([1, 2], new[] { p1.Order, p2.Order });
        Assert.Equal([1, 2], new[] { a.Order, b.Order });
        Assert.Same(p2, edition.FindPage("02"));
    }

    [Fact]
    public void An_edition_without_pages_cannot_be_published()
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        Assert.Throws<DomainException>(() => edition.Publish(DateTimeOffset.UnixEpoch));
        Assert.Equal(EditionStatus.Draft, edition.Status);
        Assert.False(edition.IsVisibleToReaders);
    }

    [Fact]
    public void Status_moves_from_draft_through_scheduled_to_published_and_withdrawn()
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        edition.AddPage("01", "头版", Broadsheet);
        var at = new DateTimeOffset(2026, 11, 1, 22, 0, 0, TimeSpan.Zero);

        edition.Schedule(at);
        Assert.Equal(EditionStatus.Scheduled, edition.Status);
        Assert.False(edition.IsVisibleToReaders);

        edition.Publish(at);
        Assert.True(edition.IsVisibleToReaders);
        Assert.Throws<DomainException>(() => edition.Schedule(at));

        edition.Withdraw();
        Assert.False(edition.IsVisibleToReaders);
    }

    [Fact]
    public void An_article_may_have_regions_on_several_pages_of_its_own_edition_only()
    {
        var publication = new Publication("binjiang", "滨江日报");
        var edition = new Edition(publication, new DateOnly(2026, 11, 2));
        var front = edition.AddPage("01", "头版", Broadsheet);
        var inside = edition.AddPage("04", "经济", Broadsheet);
        var other = new Edition(publication, new DateOnly(2026, 11, 3)).AddPage("01", "头版", Broadsheet);
        var article = edition.AddArticle(new ArticleContent { Headline = "跨版文章" });

        article.AddRegion(front, Polygon.Rectangle(0, 0.5, 0.5, 1));
        article.AddRegion(inside, Polygon.Rectangle(0.5, 0, 1, 0.3));

        Assert.True(article.IsOn(front) && article.IsOn(inside));
        Assert.Throws<DomainException>(() => article.AddRegion(other, Polygon.Rectangle(0, 0, 1, 1)));
    }

    [Fact]
    public void An_article_needs_a_headline_and_drops_blank_fields()
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        Assert.Throws<DomainException>(() => edition.AddArticle(new ArticleContent { Headline = "  " }));

        var article = edition.AddArticle(new ArticleContent { Headline = " 标题 ", Kicker = " ", Paragraphs = ["一", "", "二"] });
        Assert.Equal("标题", article.Headline);
        Assert.Null(article.Kicker);
        Assert.Equal(["一", "二"], article.Paragraphs);
    }
}
