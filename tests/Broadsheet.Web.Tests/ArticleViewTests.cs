using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

public sealed class ArticleViewTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Fact]
    public async Task Article_shows_kicker_headline_subheadline_byline_date_pages_and_every_paragraph()
    {
        var spec = TestEdition.Articles[0];

        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/1");

        var article = doc.QuerySelector("article")!;
        Assert.Equal(spec.Content.Kicker, article.QuerySelector(".kicker")!.Text());
        Assert.Equal(spec.Headline, article.QuerySelector("h1")!.Text());
        Assert.Equal(spec.Content.Subheadline, article.QuerySelector(".subheadline")!.Text());
        Assert.Equal(spec.Content.Byline, article.QuerySelector(".byline")!.Text());
        Assert.Equal(spec.Content.Paragraphs.Select(p => p.Text), article.QuerySelectorAll(".article-body p").Texts());
        var meta = article.QuerySelector(".article-meta")!;
        Assert.Equal("2026年11月2日 星期一", meta.QuerySelector("time")!.Text());
        Assert.Equal(["第01版:头版", "第02版:要闻"], meta.QuerySelectorAll("a").Texts());
        Assert.Equal("/binjiang/2026-11-02/01", article.QuerySelector(".back a")!.GetAttribute("href"));
        Assert.StartsWith($"{spec.Headline} - {TestEdition.Name}", doc.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photos_show_their_caption_and_credit_cut_from_the_page_image()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/1");

        var figure = Assert.Single(doc.QuerySelectorAll("article figure.photo"));
        var image = figure.QuerySelector("img")!;
        Assert.Equal("/media/" + app.Seeded.ImageKeys["01"], image.GetAttribute("src"));
        Assert.Equal("新建成的江畔口袋公园吸引市民休闲。", image.GetAttribute("alt"));
        Assert.Contains("新建成的江畔口袋公园吸引市民休闲。", figure.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("王晓明/摄", figure.QuerySelector(".credit")!.Text());
        // The crop box has the photo's proportions; the image inside is scaled and shifted to show only the photo.
        Assert.Contains("aspect-ratio", figure.QuerySelector(".crop")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("max-width: 122px", figure.QuerySelector(".crop")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("width: 196.07843%", image.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Previous_and_next_continue_across_pages_in_edition_order()
    {
        var client = app.NewClient();

        var first = await client.GetDocumentAsync("/binjiang/2026-11-02/01/1");
        var lastOnFront = await client.GetDocumentAsync("/binjiang/2026-11-02/01/4");
        var onSecond = await client.GetDocumentAsync("/binjiang/2026-11-02/02/2");

        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal("/binjiang/2026-11-02/01/2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("下一篇", first.QuerySelector("a[rel=next]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/binjiang/2026-11-02/02/2", lastOnFront.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Contains(TestEdition.Articles[4].Headline, lastOnFront.QuerySelector("a[rel=next]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/binjiang/2026-11-02/01/4", onSecond.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Contains("上一篇", onSecond.QuerySelector("a[rel=prev]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/binjiang/2026-11-02/03/1", onSecond.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_continued_article_reads_from_its_second_page_with_a_way_back_to_that_page()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/02/1");

        Assert.Equal(TestEdition.Articles[0].Headline, doc.QuerySelector("h1")!.Text());
        Assert.Equal("/binjiang/2026-11-02/02", doc.QuerySelector(".back a")!.GetAttribute("href"));
        Assert.Equal("http://localhost/binjiang/2026-11-02/01/1", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(TestEdition.Articles[0].Headline, doc.QuerySelector("nav.toc a[aria-current=page]")!.Text());
    }

    [Fact]
    public async Task Photo_news_is_marked_and_has_no_empty_fields()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/3");

        Assert.Equal("秋日银杏染金城", doc.QuerySelector("h1")!.Text());
        Assert.Equal("图说新闻", doc.QuerySelector("article .kind")!.Text());
        Assert.Null(doc.QuerySelector("article .kicker"));
        Assert.Null(doc.QuerySelector("article .byline"));
        Assert.Equal("市民在银杏树下拍照留念。", doc.QuerySelector("figure img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task The_thumbnail_marks_where_the_article_is_printed()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/2");

        var highlight = Assert.Single(doc.QuerySelectorAll(".page-thumb polygon.highlight"));
        Assert.Equal(TestEdition.Articles[1].Regions[0].Polygon.ToString(), highlight.GetAttribute("points"));
        // The page view, at the article's region.
        Assert.Equal("/binjiang/2026-11-02/01#a2", doc.QuerySelector(".page-thumb a")!.GetAttribute("href"));
    }
}
