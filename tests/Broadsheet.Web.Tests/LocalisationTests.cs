using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>The interface speaks the publication's language: Chinese by default, English where the publication says so.</summary>
public sealed class LocalisationTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Fact]
    public async Task A_chinese_paper_reads_in_chinese_with_its_own_footer()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/02");

        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("版面导航", doc.QuerySelector("nav.page-list h2")!.Text());
        Assert.Equal("标题导航", doc.QuerySelector("nav.toc h2")!.Text());
        Assert.Equal("2026年11月2日 星期一", doc.QuerySelector(".edition-date time")!.Text());
        Assert.Equal("总第12345期", doc.QuerySelector(".edition-date .issue")!.Text());
        Assert.Equal([.. TestEdition.FooterLines, "滨江日报 · 数字报"], doc.QuerySelectorAll("footer p").Texts());
    }

    [Fact]
    public async Task An_english_paper_reads_in_english_from_the_same_templates()
    {
        var client = app.NewClient();

        var page = await client.GetDocumentAsync("/riverside/2026-10-30/01");
        var article = await client.GetDocumentAsync("/riverside/2026-10-30/01/1");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Page 01: Front", page.QuerySelector("h1")!.Text());
        Assert.Equal(["Page 01: Front", "Page 02: City"], page.QuerySelectorAll("nav.page-list a").Texts());
        Assert.Equal("Pages", page.QuerySelector("nav.page-list h2")!.Text());
        Assert.Equal("Headlines", page.QuerySelector("nav.toc h2")!.Text());
        Assert.Equal("Friday, 30 October 2026", page.QuerySelector(".edition-date time")!.Text());
        Assert.Equal("No. 501", page.QuerySelector(".edition-date .issue")!.Text());
        Assert.Equal(["First", "Previous", "Next", "Last"], page.QuerySelectorAll(".pager-links > *").Texts());
        Assert.Equal("October 2026", page.QuerySelector(".calendar .month-title")!.Text());
        Assert.Equal(["Registered as a newspaper", "© Riverside Media", "The Riverside Times · E-paper"], page.QuerySelectorAll("footer p").Texts());
        Assert.DoesNotMatch("[\u4e00-\u9fff]", page.Body!.TextContent);
        Assert.Equal("Bridge reopens after repairs", article.QuerySelector("h1")!.Text());
        Assert.Equal("Next article", article.QuerySelector(".article-pager .next .direction")!.Text());
        Assert.DoesNotMatch("[\u4e00-\u9fff]", article.Body!.TextContent);
    }

    [Fact]
    public async Task The_404_of_an_english_paper_is_in_english()
    {
        var doc = await app.NewClient().GetDocumentAsync("/riverside/2026-10-31/01", System.Net.HttpStatusCode.NotFound);

        Assert.Equal("Page not found", doc.QuerySelector("h1")!.Text());
        Assert.Equal("/riverside/2026-10-30/01", doc.QuerySelector(".nearest a")!.GetAttribute("href"));
    }
}
