using System.Net;
using System.Xml.Linq;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>The Atom feeds a reader subscribes to: a paper's editions, a page's or section's articles, a saved search.</summary>
public sealed class FeedTests(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private static readonly XNamespace Atom = AtomRules.Atom;

    [Fact]
    public async Task A_papers_feed_has_each_published_edition_with_its_front_page_and_headlines_and_never_a_draft()
    {
        var entries = AtomRules.Feed(await GetFeedAsync("/binjiang/feed.atom"));

        Assert.Equal(["滨江日报 2026-11-02 (12345)", "滨江日报 2026-11-01 (12344)"], entries.Select(e => (string)e.Element(Atom + "title")!));
        Assert.Equal("2026-11-01T22:00:00Z", (string)entries[0].Element(Atom + "updated")!);
        Assert.Equal(OpenDataAppFactory.PublicUrl + "/binjiang/2026-11-02/01", AtomRules.Alternate(entries[0]));
        var html = (string)entries[0].Element(Atom + "content")!;
        Assert.All(TestEdition.Articles, a => Assert.Contains(a.Headline, html, StringComparison.Ordinal));
        Assert.Contains($"href=\"{OpenDataAppFactory.PublicUrl}/binjiang/2026-11-02/02/2\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEdition.DraftHeadline, await GetFeedAsync("/binjiang/feed.atom"), StringComparison.Ordinal);

        var tide = Assert.Single(AtomRules.Feed(await GetFeedAsync("/tidewater/feed.atom")));
        var image = (string)tide.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "enclosure").Attribute("href")!;
        Assert.EndsWith("/page.jpg", image, StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{image}\"", (string)tide.Element(Atom + "content")!, StringComparison.Ordinal);
        await AssertAnswersAsync(image);
        await AssertAnswersAsync(AtomRules.Alternate(tide));
    }

    [Theory]
    [InlineData("/binjiang/pages/%E5%A4%B4%E7%89%88.atom", new[] { "滨江新城今年建成十座口袋公园", "地铁三号线二期开通试运营", "秋日银杏染金城", "本市简讯", "昨日头条" })]
    [InlineData("/binjiang/pages/%E8%A6%81%E9%97%BB.atom", new[] { "市政协召开专题协商会" })]
    [InlineData("/tidewater/pages/A.atom", new[] { OpenDataAppFactory.TideHeadline, "Ferry timetable changes" })]
    public async Task A_page_or_section_feed_has_the_articles_that_start_on_those_pages(string url, string[] headlines)
    {
        var entries = AtomRules.Feed(await GetFeedAsync(url));

        Assert.Equal(headlines, entries.Select(e => (string)e.Element(Atom + "title")!));
        foreach (var entry in entries)
        {
            await AssertAnswersAsync(AtomRules.Alternate(entry));
        }
    }

    [Fact]
    public async Task A_page_feed_for_a_name_no_page_has_is_not_found()
    {
        using var response = await app.NewClient().GetAsync(new Uri("/binjiang/pages/nosuchpage.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_search_feed_lists_matching_articles_newest_first_linking_to_them_with_the_words_marked()
    {
        var entries = AtomRules.Feed(await GetFeedAsync("/search/feed?q=tide"));

        var entry = Assert.Single(entries);
        Assert.Equal(OpenDataAppFactory.TideHeadline, (string)entry.Element(Atom + "title")!);
        Assert.Equal("The Tidewater Gazette", (string)entry.Element(Atom + "author")!.Element(Atom + "name")!);
        Assert.Equal(OpenDataAppFactory.PublicUrl + "/tidewater/2026-07-04/01/1", (string)entry.Element(Atom + "id")!);
        Assert.StartsWith(OpenDataAppFactory.PublicUrl + "/tidewater/2026-07-04/01/1?hl=", AtomRules.Alternate(entry), StringComparison.Ordinal);
        Assert.Empty(AtomRules.Feed(await GetFeedAsync("/search/feed?q=" + Uri.EscapeDataString(OpenDataAppFactory.DraftHeadline))));
        using var empty = await app.NewClient().GetAsync(new Uri("/search/feed", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Reader_pages_announce_their_feeds()
    {
        var page = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01");
        var links = page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal([OpenDataAppFactory.PublicUrl + "/binjiang/pages/%E5%A4%B4%E7%89%88.atom", OpenDataAppFactory.PublicUrl + "/binjiang/feed.atom"], links);
        foreach (var link in links)
        {
            AtomRules.Feed(await GetFeedAsync(link));
        }

        var search = await app.NewClient().GetDocumentAsync("/search?q=tide");
        var feed = search.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href")!;
        Assert.Equal(OpenDataAppFactory.PublicUrl + "/search/feed?q=tide", feed);
    }

    [Fact]
    public async Task A_forged_host_never_reaches_a_feed()
    {
        var forged = await app.ClientFor("http://evil.example").GetStringAsync(new Uri("/binjiang/feed.atom", UriKind.Relative));
        Assert.DoesNotContain("evil.example", forged, StringComparison.Ordinal);
        AtomRules.Feed(forged);
    }

    private async Task<string> GetFeedAsync(string url)
    {
        using var response = await app.NewClient().GetAsync(Local(url));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task AssertAnswersAsync(string url)
    {
        using var response = await app.NewClient().GetAsync(Local(url));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
    }

    private static Uri Local(string url) =>
        new(url.StartsWith(OpenDataAppFactory.PublicUrl, StringComparison.Ordinal) ? url[OpenDataAppFactory.PublicUrl.Length..] : url, UriKind.Relative);
}
