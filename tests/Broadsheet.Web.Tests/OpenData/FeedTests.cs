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

    [Theory]
    [InlineData("/search?q=昨天", "/search/feed?q=昨天", new[] { "地铁三号线二期开通试运营", "昨日头条" })]
    [InlineData("/search?q=昨天&from=2026-11-02&sort=oldest", "/search/feed?q=昨天&from=2026-11-02", new[] { "地铁三号线二期开通试运营" })]
    [InlineData("/search?q=昨天&to=2026-11-01", "/search/feed?q=昨天&to=2026-11-01", new[] { "昨日头条" })]
    [InlineData("/search?q=昨天&pub=riverside", "/search/feed?q=昨天&pub=riverside", new string[0])]
    [InlineData("/search?q=昨天&pub=binjiang&pagename=要闻&p=2", "/search/feed?q=昨天&pub=binjiang&pagename=要闻", new string[0])]
    [InlineData("/search?q=昨天&pub=binjiang&pagename=头版", "/search/feed?q=昨天&pub=binjiang&pagename=头版", new[] { "地铁三号线二期开通试运营", "昨日头条" })]
    public async Task A_search_pages_feed_follows_the_pages_own_query(string page, string feed, string[] headlines)
    {
        var document = await app.NewClient().GetDocumentAsync(page);
        var link = Assert.Single(document.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']"));
        var href = link.GetAttribute("href")!;
        var xml = await GetFeedAsync(href);
        var entries = AtomRules.Feed(xml);

        Assert.Equal(OpenDataAppFactory.PublicUrl + feed, Uri.UnescapeDataString(href));
        Assert.Equal(headlines, entries.Select(e => (string)e.Element(Atom + "title")!));
        // The page's own hits (its first page) are in the feed: the feed is that search, newest first.
        var shown = document.QuerySelectorAll(".search-hit .hit-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Subset(headlines.ToHashSet(), shown.ToHashSet());
        var root = System.Xml.Linq.XDocument.Parse(xml).Root!;
        Assert.Equal(href, (string)root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!);
        Assert.Equal(link.GetAttribute("title"), (string)root.Element(Atom + "title")!);
    }

    [Fact]
    public async Task A_search_of_one_edition_links_the_feed_of_the_same_words_in_the_paper_and_says_so()
    {
        var document = await app.NewClient().GetDocumentAsync("/search?q=" + Uri.EscapeDataString("昨天") + "&pub=binjiang&edition=2026-11-02");
        var link = Assert.Single(document.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']"));
        var href = link.GetAttribute("href")!;
        var entries = AtomRules.Feed(await GetFeedAsync(href));

        Assert.Equal(["地铁三号线二期开通试运营"], document.QuerySelectorAll(".search-hit .hit-title a").Select(a => a.TextContent.Trim()));
        Assert.Equal(OpenDataAppFactory.PublicUrl + "/search/feed?q=昨天&pub=binjiang", Uri.UnescapeDataString(href));
        Assert.Equal("滨江日报：“昨天”的新文章", link.GetAttribute("title"));
        Assert.Equal(["地铁三号线二期开通试运营", "昨日头条"], entries.Select(e => (string)e.Element(Atom + "title")!));

        // A feed URL that names an edition anyway is the paper's feed, and its self link says which it is.
        var forced = await GetFeedAsync("/search/feed?q=" + Uri.EscapeDataString("昨天") + "&pub=binjiang&edition=2026-11-02");
        var root = System.Xml.Linq.XDocument.Parse(forced).Root!;
        Assert.Equal(href, (string)root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!);
        Assert.Equal(href, (string)root.Element(Atom + "id")!);
        Assert.Equal(2, AtomRules.Feed(forced).Count);
        Assert.Equal(
            OpenDataAppFactory.PublicUrl + "/search?q=昨天&pub=binjiang&sort=newest",
            Uri.UnescapeDataString((string)root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!));
    }

    [Theory]
    [InlineData("/binjiang/feed.atom")]
    [InlineData("/binjiang/pages/%E5%A4%B4%E7%89%88.atom")]
    [InlineData("/search/feed?q=tide")]
    public async Task A_feed_reader_polling_with_the_etag_it_was_given_gets_a_304(string url)
    {
        var client = app.NewClient();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var notModified = await client.AskAgainAsync(url, first.Headers.ETag!);
        using var modified = await client.AskAgainAsync(url, new System.Net.Http.Headers.EntityTagHeaderValue("\"somethingelse\""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        AtomRules.Feed(await modified.Content.ReadAsStringAsync());
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
