using System.Net;
using System.Text.Json;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>
/// A day's later edition (an extra, 号外) is read at <c>/{slug}/{date}_{n}/…</c>, as IIIF and the export name it: its
/// pages, articles and files link to its own URLs, the day's first edition keeps its URLs and lists it, and the
/// calendar links it.
/// </summary>
public sealed class LaterEditionTests(SecondEditionAppFactory app) : IClassFixture<SecondEditionAppFactory>
{
    private const string Day = "/binjiang/2026-11-02";
    private const string Later = "/binjiang/2026-11-02_2";

    [Fact]
    public async Task The_second_edition_s_page_is_its_own_and_every_link_on_it_names_it()
    {
        var page = await app.NewClient().GetDocumentAsync(Later + "/01");

        Assert.Equal("第01版:号外", page.QuerySelector("h1.page-title")!.Text());
        Assert.EndsWith(Later + "/01", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        var toc = page.QuerySelectorAll("nav.toc a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Contains((SecondEdition.Headline, Later + "/01/1"), toc);
        Assert.Equal([Later + "/01", Later + "/02", Later + "/03"], page.QuerySelectorAll("nav.page-list a").Select(a => a.GetAttribute("href")).Distinct());
        Assert.Equal(Later + "/edition.pdf", page.QuerySelector("a.edition-pdf")!.GetAttribute("href"));
        Assert.Contains((await app.NewClient().GetDocumentAsync(Later + "/02")).QuerySelectorAll("a"), a => a.GetAttribute("href") == Later + "/02-03");
        // Nothing on it leads into the day's first edition but the masthead's list of the day's editions and the calendar.
        var intoFirst = page.QuerySelectorAll("a[href^='" + Day + "/']").Where(a => a.Closest(".day-editions, .calendar") is null).Select(a => a.GetAttribute("href")).ToList();
        Assert.Empty(intoFirst);
        Assert.Contains("第2期", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_s_first_edition_keeps_its_urls_and_names_the_second_in_the_masthead_and_the_calendar()
    {
        var page = await app.NewClient().GetDocumentAsync(Day + "/01");

        Assert.Equal("第01版:头版", page.QuerySelector("h1.page-title")!.Text());
        var editions = page.QuerySelectorAll("nav.day-editions a").Select(a => (a.Text(), a.GetAttribute("href"), a.GetAttribute("aria-current"))).ToList();
        Assert.Equal([("第1期", Day + "/01", "page"), ("第2期", Later + "/01", null)], editions);
        var day = page.QuerySelectorAll("aside .calendar td.has-edition").Single(td => td.QuerySelector("a")!.Text() == "2");
        Assert.Equal([Day + "/01", Later + "/01"], day.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2期", day.QuerySelector("a.later-edition")!.Text());
        Assert.Equal("date", day.QuerySelector("a:not(.later-edition)")!.GetAttribute("aria-current"));
        // A day with one edition lists none.
        var older = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-01/A01");
        Assert.Null(older.QuerySelector("nav.day-editions"));
    }

    [Fact]
    public async Task The_second_edition_s_article_links_its_page_its_neighbours_and_its_calendar_day()
    {
        var article = await app.NewClient().GetDocumentAsync(Later + "/01/1");

        Assert.Equal(SecondEdition.Headline, article.QuerySelector("h1.headline")!.Text());
        Assert.Equal(Later + "/01", article.QuerySelector("p.back a")!.GetAttribute("href"));
        Assert.Equal(Later + "/02/1", article.QuerySelector("a.next")!.GetAttribute("href"));
        Assert.Contains("第2期", article.QuerySelector(".article-meta time")!.Text(), StringComparison.Ordinal);
        var calendar = article.QuerySelector("aside .calendar a.later-edition")!;
        Assert.Equal(Later + "/01", calendar.GetAttribute("href"));
        Assert.Equal("date", calendar.GetAttribute("aria-current"));
        Assert.Equal("第2期", article.QuerySelector("nav.day-editions a[aria-current=page]")!.Text());
    }

    [Theory]
    [InlineData(Later, Later + "/01")]
    [InlineData(Day, Day + "/01")]
    [InlineData(Later + "/1", Later + "/01")]
    public async Task A_day_s_edition_and_a_loosely_written_page_lead_to_the_page(string url, string expected)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/binjiang/2026-11-02_1/01")]
    [InlineData("/binjiang/2026-11-02_02/01")]
    [InlineData("/binjiang/2026-11-02_3/01")]
    [InlineData("/binjiang/2026-11-02_0/01")]
    [InlineData("/binjiang/2026-11-02_/01")]
    [InlineData("/binjiang/2026-11-01_2/A01")]
    [InlineData("/binjiang/2026-11-02_2/04")]
    public async Task An_edition_that_is_not_there_is_not_found(string url)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_second_edition_s_spread_report_offline_list_and_page_text_are_its_own()
    {
        var client = app.NewClient();

        var spread = await client.GetDocumentAsync(Later + "/02-03");
        Assert.Contains(spread.QuerySelectorAll("a"), a => a.GetAttribute("href") == Later + "/02/1");
        var report = await client.GetDocumentAsync(Later + "/01/1/report");
        Assert.Equal(Later + "/01/1/report", report.QuerySelector("form.report-form")!.GetAttribute("action"));

        using var offline = JsonDocument.Parse(await client.GetStringAsync(new Uri(Later + "/offline.json", UriKind.Relative)));
        Assert.Equal("broadsheet-edition:binjiang/2026-11-02_2", offline.RootElement.GetProperty("cache").GetString());
        var urls = offline.RootElement.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList();
        Assert.Contains(Later + "/03/1", urls);
        Assert.Contains("/api/v1/publications/binjiang/editions/2026-11-02/pages/01?number=2", urls);
        Assert.DoesNotContain(urls, u => u.StartsWith(Day + "/", StringComparison.Ordinal));

        var text = await client.GetStringAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02/pages/01?number=2", UriKind.Relative));
        Assert.Contains(SecondEdition.Headline, text, StringComparison.Ordinal);
        Assert.Contains(Later + "/01/1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_export_the_ocr_note_and_the_reader_s_chrome_are_left_out_of_the_search_index_and_the_article_is_not()
    {
        var html = await app.NewClient().GetStringAsync(new Uri(Later + "/03/1", UriKind.Relative));
        var (exported, _) = new global::Broadsheet.Web.OpenData.Export.HtmlRewriter(["http://localhost"]).Rewrite(html, article: true);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(exported);

        Assert.NotNull(page.QuerySelector("main[data-pagefind-body]"));
        var note = page.QuerySelector("p.ocr-note");
        Assert.NotNull(note);
        Assert.Equal("all", note!.GetAttribute("data-pagefind-ignore"));
        foreach (var chrome in new[] { ".article-top", ".article-meta", "details.report", "aside.sidebar", "nav.article-pager" })
        {
            Assert.True(page.QuerySelector(chrome)?.Closest("[data-pagefind-ignore]") is not null, $"{chrome} is indexed");
        }

        // The article itself is what the index holds.
        foreach (var text in new[] { "h1.headline", ".article-body p" })
        {
            var element = page.QuerySelector(text);
            Assert.True(element is not null, $"no {text}");
            Assert.Null(element!.Closest("[data-pagefind-ignore]"));
        }
    }

    [Fact]
    public async Task The_sitemap_and_the_feed_link_the_second_edition_s_pages()
    {
        var client = app.NewClient();

        var sitemap = await client.GetStringAsync(new Uri("/sitemaps/binjiang/2026-11.xml", UriKind.Relative));
        Assert.Contains(Later + "/01/1</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains(Day + "/01/1</loc>", sitemap, StringComparison.Ordinal);

        var feed = await client.GetStringAsync(new Uri("/binjiang/feed.atom", UriKind.Relative));
        Assert.Contains(Later + "/01\"", feed, StringComparison.Ordinal);
    }
}

/// <summary>The page cache keeps a later edition's pages by their own URLs and drops them with the publication's.</summary>
public sealed class LaterEditionCacheTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    [Fact]
    public async Task Publishing_and_replacing_a_second_edition_shows_at_its_urls_and_on_the_first_after_invalidation()
    {
        var client = app.NewClient();
        var first = await client.GetDocumentAsync("/binjiang/2026-11-02/01");
        Assert.Null(first.QuerySelector("nav.day-editions"));

        await SecondEdition.SaveAsync(app.Services, app.Seeded.PdfKey);
        await app.Services.GetRequiredService<Caching.IReaderCache>().InvalidateAsync("binjiang", TestEdition.Day);
        first = await client.GetDocumentAsync("/binjiang/2026-11-02/01");
        Assert.Equal(SecondEdition.Url, first.QuerySelector("nav.day-editions a:not([aria-current])")!.GetAttribute("href"));
        Assert.Equal(SecondEdition.Headline, (await client.GetDocumentAsync(SecondEdition.Url)).QuerySelector("nav.toc a")!.Text());
        Assert.Equal(SecondEdition.Headline, (await client.GetDocumentAsync(SecondEdition.Url)).QuerySelector("nav.toc a")!.Text());

        await SecondEdition.SaveAsync(app.Services, app.Seeded.PdfKey, "号外：大桥通车仪式推迟", replace: true);
        await app.Services.GetRequiredService<Caching.IReaderCache>().InvalidateAsync("binjiang", TestEdition.Day);

        Assert.Equal("号外：大桥通车仪式推迟", (await client.GetDocumentAsync(SecondEdition.Url)).QuerySelector("nav.toc a")!.Text());
    }
}
