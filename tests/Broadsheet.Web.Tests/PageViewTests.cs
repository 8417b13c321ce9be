using AngleSharp.Dom;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

public sealed class PageViewTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    private const string Front = "/binjiang/2026-11-02/01";

    [Fact]
    public async Task Every_article_on_the_page_is_a_linked_polygon_named_by_its_headline()
    {
        var doc = await app.NewClient().GetDocumentAsync(Front);

        var svg = doc.QuerySelector("svg.hotspots")!;
        Assert.Equal("0 0 1 1", svg.GetAttribute("viewBox"));
        Assert.Equal("none", svg.GetAttribute("preserveAspectRatio"));
        var links = svg.QuerySelectorAll("a").ToList();
        var expected = TestEdition.Articles.Where(a => a.Regions.Any(r => r.Page == "01")).ToList();
        Assert.Equal(4, links.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal($"{Front}/{i + 1}", links[i].GetAttribute("href"));
            Assert.Equal(expected[i].Headline, links[i].GetAttribute("aria-label"));
            Assert.Equal(expected[i].Headline, links[i].QuerySelector("title")!.Text());
            var polygon = Assert.Single(links[i].QuerySelectorAll("polygon"));
            Assert.Equal(expected[i].Regions.Single(r => r.Page == "01").Polygon.ToString(), polygon.GetAttribute("points"));
        }
    }

    [Fact]
    public async Task The_hotspots_lie_over_the_page_image_from_the_blob_store()
    {
        var doc = await app.NewClient().GetDocumentAsync(Front);

        var sheet = doc.QuerySelector(".page-sheet")!;
        var image = sheet.QuerySelector("img.page-image")!;
        Assert.Equal("/media/" + app.Seeded.ImageKeys["01"], image.GetAttribute("src"));
        Assert.Equal("第01版:头版 版面图", image.GetAttribute("alt"));
        Assert.Equal(app.Seeded.ImageWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), image.GetAttribute("width"));
        Assert.NotNull(sheet.QuerySelector("svg.hotspots"));
    }

    [Fact]
    public async Task A_continued_article_is_numbered_in_reading_order_on_each_page_it_is_on()
    {
        var client = app.NewClient();

        var second = (await client.GetDocumentAsync("/binjiang/2026-11-02/02")).QuerySelectorAll("svg.hotspots a").ToList();
        var third = (await client.GetDocumentAsync("/binjiang/2026-11-02/03")).QuerySelectorAll("svg.hotspots a").ToList();

        Assert.Equal(["/binjiang/2026-11-02/02/1", "/binjiang/2026-11-02/02/2"], second.Select(a => a.GetAttribute("href")));
        Assert.Equal([TestEdition.Articles[0].Headline, TestEdition.Articles[4].Headline], second.Select(a => a.GetAttribute("aria-label")));
        Assert.Equal("/binjiang/2026-11-02/03/1", Assert.Single(third).GetAttribute("href"));
    }

    [Fact]
    public async Task Page_lists_its_titles_the_editions_pages_the_pdf_and_the_paper()
    {
        var doc = await app.NewClient().GetDocumentAsync(Front);

        Assert.Equal("第01版:头版", doc.QuerySelector("h1")!.Text());
        var toc = doc.QuerySelector("nav.toc")!;
        Assert.Equal("标题导航", toc.QuerySelector("h2")!.Text());
        Assert.Equal(TestEdition.Articles.Take(4).Select(a => a.Headline), toc.QuerySelectorAll("li a").Texts());
        Assert.Equal(["/binjiang/2026-11-02/01/1", "/binjiang/2026-11-02/01/2", "/binjiang/2026-11-02/01/3", "/binjiang/2026-11-02/01/4"], toc.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["图说新闻", "简讯"], toc.QuerySelectorAll(".kind").Texts());

        var pages = doc.QuerySelector("nav.page-list")!;
        Assert.Equal("版面导航", pages.QuerySelector("h2")!.Text());
        Assert.Equal(["第01版:头版", "第02版:要闻", "第03版:平安滨江"], pages.QuerySelectorAll("a").Texts());
        Assert.Equal("第01版:头版", pages.QuerySelector("a[aria-current=page]")!.Text());

        Assert.Equal("/media/" + app.Seeded.PdfKey, doc.QuerySelector("a.pdf")!.GetAttribute("href"));
        Assert.Equal(TestEdition.Name, doc.QuerySelector(".paper-name")!.Text());
        var date = doc.QuerySelector(".edition-line time")!;
        Assert.Equal("2026-11-02", date.GetAttribute("datetime"));
        Assert.Equal("2026年11月2日 星期一", date.Text());
        Assert.Contains("总第12345期", doc.QuerySelector(".edition-line")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TestEdition.FooterLines, doc.QuerySelectorAll(".site-footer p").Texts().Take(2));
        Assert.Equal("width=device-width, initial-scale=1", doc.QuerySelector("meta[name=viewport]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Pager_leads_to_the_first_previous_next_and_last_pages()
    {
        var client = app.NewClient();

        var first = (await client.GetDocumentAsync(Front)).QuerySelector("nav.pager")!;
        var middle = (await client.GetDocumentAsync("/binjiang/2026-11-02/02")).QuerySelector("nav.pager")!;

        Assert.Contains("当前版:01版", first.TextContent, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal("/binjiang/2026-11-02/02", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/binjiang/2026-11-02/01", middle.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/binjiang/2026-11-02/03", middle.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["首版", "上一版", "下一版", "末版"], middle.QuerySelectorAll(".pager-links a").Texts());
    }

    [Theory]
    [InlineData("/binjiang/2026-11-01/a01")]
    [InlineData("/binjiang/2026-11-01/A01")]
    public async Task Page_labels_in_urls_ignore_case(string url)
    {
        var doc = await app.NewClient().GetDocumentAsync(url);

        Assert.Equal("第A01版:头版", doc.QuerySelector("h1")!.Text());
        Assert.Equal("/binjiang/2026-11-01/A01/1", doc.QuerySelector("svg.hotspots a")!.GetAttribute("href"));
        Assert.Equal("http://localhost/binjiang/2026-11-01/A01", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Html_carries_chinese_as_characters_not_entities()
    {
        var html = await app.NewClient().GetStringAsync(new Uri(Front, UriKind.Relative));

        Assert.Contains(TestEdition.Articles[0].Headline, html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }
}
