using System.Net;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

public sealed class NavigationTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Theory]
    [InlineData("/", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-02", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-01", "/binjiang/2026-11-01/A01")]
    public async Task Entry_points_redirect_to_the_first_page_of_the_latest_published_edition(string url, string target)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/binjiang/2026-11-03", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-03/01", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-03/01/1", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-02/09", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-02/01/5", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-02/01/0", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-02/01/1/extra", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-10-31/01", "/binjiang/2026-11-01/A01")]
    [InlineData("/binjiang/1999-01-01", "/binjiang/2026-11-01/A01")]
    [InlineData("/binjiang/2027-05-01", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-02-30/01", "/binjiang/2026-11-02/01")]
    public async Task Unknown_dates_pages_and_articles_get_a_404_that_links_to_the_nearest_edition(string url, string nearest)
    {
        var doc = await app.NewClient().GetDocumentAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("找不到这一页", doc.QuerySelector("h1")!.Text());
        Assert.Equal(nearest, doc.QuerySelector("main .nearest a")!.GetAttribute("href"));
        Assert.Contains(TestEdition.Name, doc.QuerySelector("main .nearest")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
        Assert.DoesNotContain(TestEdition.DraftHeadline, doc.Source.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nosuchpaper")]
    [InlineData("/nosuchpaper/2026-11-02/01")]
    [InlineData("/Binjiang/2026-11-02/01")]
    public async Task Unknown_papers_get_a_chinese_404_page_leading_to_the_latest_edition(string url)
    {
        var doc = await app.NewClient().GetDocumentAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("找不到这一页", doc.QuerySelector("h1")!.Text());
        Assert.Equal("/", doc.QuerySelector("main a")!.GetAttribute("href"));
        Assert.Null(doc.QuerySelector("main .nearest"));
    }

    [Fact]
    public async Task The_draft_never_shows_up_in_what_readers_can_reach()
    {
        var client = app.NewClient();

        var front = await client.GetStringAsync(new Uri("/binjiang/2026-11-02/01", UriKind.Relative));
        var list = await client.GetStringAsync(new Uri("/api/v1/publications/binjiang/editions", UriKind.Relative));

        Assert.DoesNotContain(TestEdition.DraftHeadline, front, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-03", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_is_served_and_versioned()
    {
        var client = app.NewClient();
        var doc = await client.GetDocumentAsync("/binjiang/2026-11-02/01");
        var href = doc.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await client.GetAsync(new Uri(href, UriKind.Relative));

        Assert.StartsWith("/css/reader.css?v=", href, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".hotspot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class EmptySiteTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task Home_says_there_is_no_edition_yet()
    {
        var doc = await app.NewClient().GetDocumentAsync("/");

        Assert.Contains("还没有已发布的报纸", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
