using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>What crawlers and share cards read: titles, canonical links, OpenGraph, JSON-LD and the sitemaps.</summary>
public sealed class MetadataTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task An_article_carries_its_title_canonical_link_opengraph_card_and_newsarticle_json_ld()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/02/1");
        var spec = TestEdition.Articles[0];

        Assert.Equal($"{spec.Headline} - 滨江日报 2026年11月2日 星期一 第02版:要闻", doc.Title);
        Assert.Equal("http://localhost/binjiang/2026-11-02/01/1", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", Meta(doc, "og:type"));
        Assert.Equal("http://localhost/binjiang/2026-11-02/01/1", Meta(doc, "og:url"));
        Assert.Equal("http://localhost/binjiang/2026-11-02/01/1/card.jpg", Meta(doc, "og:image"));
        Assert.StartsWith(spec.Content.Paragraphs[0].Text[..20], Meta(doc, "og:description"), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal(spec.Headline, root.GetProperty("headline").GetString());
        Assert.Equal(spec.Content.Subheadline, root.GetProperty("alternativeHeadline").GetString());
        Assert.Equal(spec.Content.Byline, root.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal("滨江日报", root.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("01", root.GetProperty("printPage").GetString());
        Assert.StartsWith("2026-11-01T22:00:00", root.GetProperty("datePublished").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://localhost/binjiang/2026-11-02/01/1/card.jpg", root.GetProperty("image")[0].GetString());
    }

    [Fact]
    public async Task Json_ld_cannot_be_broken_out_of_by_article_text()
    {
        var html = await app.NewClient().GetStringAsync(new Uri("/binjiang/2026-11-02/01/1", UriKind.Relative));
        var script = html[html.IndexOf("application/ld+json", StringComparison.Ordinal)..];
        script = script[..script.IndexOf("</script>", StringComparison.Ordinal)];

        Assert.Contains("滨江新城", script, StringComparison.Ordinal);
        Assert.DoesNotContain("<", script[1..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_card_is_the_articles_region_cut_from_its_page_and_stored_once()
    {
        var client = app.NewClient();

        using var first = await client.GetAsync(new Uri("/binjiang/2026-11-02/01/1/card.jpg", UriKind.Relative));
        using var again = await client.GetAsync(new Uri("/binjiang/2026-11-02/01/1/card.jpg", UriKind.Relative));
        var location = first.Headers.Location!.OriginalString;
        using var image = await client.GetAsync(new Uri(location, UriKind.Relative));
        var bytes = await image.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/media/cards/", location, StringComparison.Ordinal);
        Assert.Equal(location, again.Headers.Location!.OriginalString);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", image.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var (width, height) = TestJpeg.Size(bytes);
        // The region is 0.57 x 0.38 of a 240 x 339 page, with a margin of 0.01 each side: about 142 x 136 pixels.
        Assert.InRange(width, 136, 148);
        Assert.InRange(height, 128, 144);
    }

    [Fact]
    public async Task The_page_view_has_a_canonical_link_and_a_card_with_its_headlines()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01");

        Assert.Equal("第01版:头版 - 滨江日报 2026年11月2日 星期一", doc.Title);
        Assert.Equal("website", Meta(doc, "og:type"));
        Assert.Contains(TestEdition.Articles[1].Headline, Meta(doc, "og:description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_index_lists_a_sitemap_per_publication_and_month_with_every_page_and_article()
    {
        var client = app.NewClient();

        var index = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var locations = index.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        var november = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemaps/binjiang/2026-11.xml", UriKind.Relative)));
        var urls = november.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();

        Assert.Equal(["http://localhost/sitemaps/binjiang/2026-11.xml", "http://localhost/sitemaps/riverside/2026-10.xml"], locations);
        Assert.Contains("http://localhost/binjiang/2026-11-02/01", urls);
        Assert.Contains("http://localhost/binjiang/2026-11-02/03/1", urls);
        Assert.Contains("http://localhost/binjiang/2026-11-01/A01/1", urls);
        // Five pages, and the seven articles once each at their first page.
        Assert.Equal(5 + 7, urls.Count);
        Assert.DoesNotContain(urls, u => u.Contains("2026-11-03", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/sitemaps/binjiang/2026-09.xml", UriKind.Relative))).StatusCode);
    }

    private static string? Meta(AngleSharp.Dom.IDocument doc, string property) =>
        doc.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}

/// <summary>Reads a JPEG's size from its start-of-frame marker.</summary>
internal static class TestJpeg
{
    public static (int Width, int Height) Size(byte[] jpeg)
    {
        Assert.True(jpeg.Length > 4 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "not a JPEG");
        var i = 2;
        while (i + 9 < jpeg.Length)
        {
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker is >= 0xC0 and <= 0xC3)
            {
                return ((jpeg[i + 7] << 8) | jpeg[i + 8], (jpeg[i + 5] << 8) | jpeg[i + 6]);
            }

            i += 2 + length;
        }

        throw new InvalidDataException("no start-of-frame marker");
    }
}
