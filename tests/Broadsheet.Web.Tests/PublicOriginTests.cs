using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Broadsheet.Web.Tests;

/// <summary>The site as the public reaches it at https://epaper.example.org, every host allowed so a forged one gets through.</summary>
public sealed class PublicUrlAppFactory : ReaderAppFactory
{
    public const string PublicUrl = "https://epaper.example.org";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:PublicUrl", PublicUrl);
        builder.UseSetting("AllowedHosts", "*");
    }

    public HttpClient ClientFor(string origin) => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(origin) });
}

/// <summary>The site with a public URL and no AllowedHosts of its own.</summary>
public sealed class PublicUrlOnlyAppFactory : ReaderAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:PublicUrl", PublicUrlAppFactory.PublicUrl);
    }

    public HttpClient ClientFor(string origin) => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(origin) });
}

/// <summary>A site without a public URL, of its own, so that its page cache starts empty.</summary>
public sealed class NoPublicUrlAppFactory : ReaderAppFactory
{
    public HttpClient ClientFor(string origin) => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(origin) });
}

/// <summary>
/// A request naming another host must not put that host into what readers get: the canonical link, the share card,
/// the JSON-LD and the sitemaps come from Broadsheet:PublicUrl, and without one the cache never hands one host's
/// page to another.
/// </summary>
public sealed class PublicOriginTests(PublicUrlAppFactory app) : IClassFixture<PublicUrlAppFactory>
{
    private const string Article = "/binjiang/2026-11-02/01/1";

    [Fact]
    public async Task A_forged_host_does_not_reach_the_canonical_link_opengraph_or_json_ld_of_the_cached_page()
    {
        var forged = await app.ClientFor("http://evil.example").GetStringAsync(new Uri(Article, UriKind.Relative));
        var doc = await app.ClientFor("http://localhost").GetDocumentAsync(Article);

        Assert.DoesNotContain("evil.example", forged, StringComparison.Ordinal);
        Assert.Equal(PublicUrlAppFactory.PublicUrl + "/binjiang/2026-11-02/01/1", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(PublicUrlAppFactory.PublicUrl + "/binjiang/2026-11-02/01/1", doc.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal(PublicUrlAppFactory.PublicUrl + "/binjiang/2026-11-02/01/1/card.jpg", doc.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        using var json = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(PublicUrlAppFactory.PublicUrl + "/binjiang/2026-11-02/01/1/card.jpg", json.RootElement.GetProperty("image")[0].GetString());
    }

    [Fact]
    public async Task Sitemaps_list_the_public_urls_whatever_host_asked_first()
    {
        var sitemap = XNamespace.Get("http://www.sitemaps.org/schemas/sitemap/0.9");
        await app.ClientFor("http://evil.example").GetStringAsync(new Uri("/sitemaps/binjiang/2026-11.xml", UriKind.Relative));

        var index = XDocument.Parse(await app.ClientFor("http://localhost").GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var month = XDocument.Parse(await app.ClientFor("http://localhost").GetStringAsync(new Uri("/sitemaps/binjiang/2026-11.xml", UriKind.Relative)));

        Assert.All(index.Descendants(sitemap + "loc").Concat(month.Descendants(sitemap + "loc")), loc =>
            Assert.StartsWith(PublicUrlAppFactory.PublicUrl + "/", loc.Value, StringComparison.Ordinal));
    }
}

/// <summary>With a public URL and no AllowedHosts, other hosts are turned away before any page is made.</summary>
public sealed class AllowedHostsTests(PublicUrlOnlyAppFactory app) : IClassFixture<PublicUrlOnlyAppFactory>
{
    [Fact]
    public async Task A_request_for_another_host_gets_400_and_the_public_host_and_loopback_are_served()
    {
        using var forged = await app.ClientFor("http://evil.example").GetAsync(new Uri("/binjiang/2026-11-02/01", UriKind.Relative));
        using var public_ = await app.ClientFor(PublicUrlAppFactory.PublicUrl).GetAsync(new Uri("/binjiang/2026-11-02/01", UriKind.Relative));
        using var local = await app.ClientFor("http://localhost").GetAsync(new Uri("/binjiang/2026-11-02/01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, public_.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }
}

/// <summary>Without a public URL, absolute URLs follow the request, and the page cache keeps each origin's page apart.</summary>
public sealed class NoPublicUrlTests(NoPublicUrlAppFactory app) : IClassFixture<NoPublicUrlAppFactory>
{
    [Fact]
    public async Task A_page_first_rendered_for_a_forged_host_is_not_what_the_next_reader_gets()
    {
        const string Page = "/binjiang/2026-11-02/01";
        var forged = await app.ClientFor("http://evil.example").GetDocumentAsync(Page);
        var next = await app.ClientFor("http://localhost").GetStringAsync(new Uri(Page, UriKind.Relative));

        Assert.Equal("http://evil.example" + Page, forged.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.DoesNotContain("evil.example", next, StringComparison.Ordinal);
        Assert.Contains("http://localhost" + Page, next, StringComparison.Ordinal);
    }
}
