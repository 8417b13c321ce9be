using System.Net;
using System.Text.Json;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>The small things a reader, a link checker or a phone's home screen notices.</summary>
public sealed class ReaderSmallThingsTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Theory]
    [InlineData("/binjiang/2026-11-02/01/1/card.jpg", HttpStatusCode.Redirect)]
    [InlineData("/binjiang/2026-11-02/01/clip/1000,1000,3000,2000.jpg", HttpStatusCode.Redirect)]
    [InlineData("/binjiang", HttpStatusCode.Redirect)]
    [InlineData("/binjiang/2026-11-02", HttpStatusCode.Redirect)]
    [InlineData("/binjiang/2026-11-02/01", HttpStatusCode.OK)]
    [InlineData("/binjiang/2026-11-02/01/1", HttpStatusCode.OK)]
    [InlineData("/binjiang/corrections.atom", HttpStatusCode.OK)]
    [InlineData("/sitemap.xml", HttpStatusCode.OK)]
    [InlineData("/sitemaps/binjiang/2026-11.xml", HttpStatusCode.OK)]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02", HttpStatusCode.OK)]
    [InlineData("/manifest.webmanifest", HttpStatusCode.OK)]
    [InlineData("/favicon.ico", HttpStatusCode.OK)]
    public async Task Head_is_answered_wherever_get_is(string url, HttpStatusCode expected)
    {
        using var head = await app.NewClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var get = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));

        // (Kestrel leaves out a HEAD response's body; the test server does not, so only the status is compared.)
        Assert.Equal(expected, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
    }

    [Theory]
    [InlineData("/binjiang/2026-11-02/1", "/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-02/2/1", "/binjiang/2026-11-02/02/1")]
    [InlineData("/binjiang/2026-11-01/a1", "/binjiang/2026-11-01/A01")]
    [InlineData("/binjiang/2026-11-02/3?hl=%E5%B9%B3%E5%AE%89", "/binjiang/2026-11-02/03?hl=%E5%B9%B3%E5%AE%89")]
    public async Task A_page_number_written_short_leads_to_the_page(string url, string target)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_site_has_a_favicon_and_installs_as_the_paper()
    {
        var client = app.NewClient();
        using var ico = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        var bytes = await ico.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal([0, 0, 1, 0], bytes[..4]);
        // The icon inside is a PNG, 32 px.
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[22..26]);

        var page = await client.GetDocumentAsync("/binjiang/2026-11-02/01");
        Assert.Equal("/favicon.svg", page.QuerySelector("link[rel=icon][type='image/svg+xml']")!.GetAttribute("href"));
        Assert.Equal("/manifest.webmanifest", page.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));

        using var response = await client.GetAsync(new Uri("/manifest.webmanifest", UriKind.Relative));
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(TestEdition.Name, manifest.GetProperty("name").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        var icons = manifest.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("sizes").GetString()).ToList();
        Assert.Contains("192x192", icons);
        Assert.Contains("512x512", icons);
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            using var file = await client.GetAsync(new Uri(icon.GetProperty("src").GetString()!, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }

        using var worker = await client.GetAsync(new Uri("/sw.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Contains("addEventListener(\"fetch\"", await worker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?q=%E5%85%AC%E5%9B%AD&pub=binjiang")]
    [InlineData("/binjiang/2026/11")]
    [InlineData("/binjiang/corrections")]
    public async Task Search_calendar_and_corrections_pages_keep_the_header_search_and_the_date(string url)
    {
        var doc = await app.NewClient().GetDocumentAsync(url);

        Assert.NotNull(doc.QuerySelector("header.masthead form#header-search input#header-q"));
        Assert.Equal(TestEdition.Slug, doc.QuerySelector("#header-search input[name=pub]")!.GetAttribute("value"));
        Assert.Equal("2026-11-02", doc.QuerySelector("header.masthead .edition-date time")!.GetAttribute("datetime"));
        Assert.Equal(TestEdition.Name, doc.QuerySelector("header.masthead .paper-name")!.Text());
    }

    [Fact]
    public async Task The_newest_edition_has_a_disabled_next_edition_that_is_not_a_link()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01");

        var next = doc.QuerySelector(".edition-pager .disabled")!;
        Assert.Equal("下一期", next.Text());
        Assert.Equal("span", next.LocalName);
        Assert.Equal("true", next.GetAttribute("aria-disabled"));
    }
}
