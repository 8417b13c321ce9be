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

    // 大桥 is printed in both of the day's editions: in the first's briefs (本市简讯) and in the second's three articles.
    private const string Bridge = "大桥";

    [Theory]
    [InlineData(Day + "/01", "2026-11-02")]
    [InlineData(Day + "/01/4", "2026-11-02")]
    [InlineData(Later + "/01", "2026-11-02_2")]
    [InlineData(Later + "/02/1", "2026-11-02_2")]
    public async Task This_edition_only_on_a_page_or_an_article_names_that_edition_and_finds_nothing_of_the_day_s_other(string url, string edition)
    {
        var client = app.NewClient();
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector("form.header-search")!;
        Assert.Equal(edition, form.QuerySelector("input[name=edition][type=checkbox]")!.GetAttribute("value"));
        Assert.Equal("binjiang", form.QuerySelector("input[name=pub]")!.GetAttribute("value"));

        // What the form sends with 仅本期 ticked.
        var results = await client.GetDocumentAsync($"/search?pub=binjiang&q={Uri.EscapeDataString(Bridge)}&edition={edition}");

        var own = edition.EndsWith("_2", StringComparison.Ordinal) ? Later : Day;
        var hits = results.QuerySelectorAll(".search-hit .hit-title a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, href => Assert.StartsWith(own + "/", href, StringComparison.Ordinal));
        Assert.Equal(own == Later ? 3 : 1, hits.Count);
        // The scope says which of the day's editions, and searching again keeps it.
        Assert.Contains(own == Later ? "第2期" : "第1期", results.QuerySelector(".search-scope")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(edition, results.QuerySelector("form.search-form input[name=edition]")!.GetAttribute("value"));
        var narrowing = results.QuerySelectorAll(".search-facets a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(narrowing);
        Assert.All(narrowing, href => Assert.Contains("edition=" + edition + "&", href + "&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_searches_one_of_the_day_s_editions_and_says_which_each_hit_is_in()
    {
        async Task<List<(string Url, int Number)>> HitsAsync(string query)
        {
            using var json = JsonDocument.Parse(await app.NewClient().GetStringAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(Bridge) + query, UriKind.Relative)));
            return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => (h.GetProperty("url").GetString()!, h.GetProperty("number").GetInt32()))];
        }

        var first = Assert.Single(await HitsAsync("&pub=binjiang&edition=2026-11-02"));
        Assert.StartsWith(Day + "/01/", first.Url, StringComparison.Ordinal);
        Assert.Equal(1, first.Number);

        var second = await HitsAsync("&pub=binjiang&edition=2026-11-02_2");
        Assert.Equal(3, second.Count);
        Assert.All(second, h => Assert.StartsWith(Later + "/", h.Url, StringComparison.Ordinal));
        Assert.All(second, h => Assert.Equal(2, h.Number));

        // Without it, the whole day (and the archive).
        Assert.Equal(4, (await HitsAsync("&pub=binjiang")).Count);
    }

    [Fact]
    public async Task Iiif_content_search_of_each_of_the_day_s_editions_finds_only_its_own_articles()
    {
        var client = app.NewClient();
        using var manifest = JsonDocument.Parse(await client.GetStringAsync(new Uri("/iiif/binjiang/2026-11-02_2/manifest", UriKind.Relative)));
        var services = manifest.RootElement.GetProperty("service").EnumerateArray().Select(s => (s.TryGetProperty("id", out var id) ? id : s.GetProperty("@id")).GetString()!).ToList();
        Assert.Contains(services, id => id.EndsWith("/iiif/binjiang/2026-11-02_2/search", StringComparison.Ordinal));

        async Task<List<string>> TargetsAsync(string edition)
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/iiif/binjiang/{edition}/search?q={Uri.EscapeDataString(Bridge)}", UriKind.Relative)));
            return [.. page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("target").GetString()!)];
        }

        var first = await TargetsAsync("2026-11-02");
        var second = await TargetsAsync("2026-11-02_2");
        Assert.NotEmpty(first);
        Assert.All(first, t => Assert.Contains("/iiif/binjiang/2026-11-02/canvas/", t, StringComparison.Ordinal));
        Assert.Equal(["01", "02", "03"], second.Select(t => t.Split("/canvas/")[1][..2]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(second, t => Assert.Contains("/iiif/binjiang/2026-11-02_2/canvas/", t, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Day + "/01/4", "edition:binjiang/2026-11-02")]
    [InlineData(Later + "/01/1", "edition:binjiang/2026-11-02_2")]
    public async Task In_the_export_an_article_is_filed_under_its_own_edition_for_this_edition_only(string url, string filter)
    {
        var html = await app.NewClient().GetStringAsync(new Uri(url, UriKind.Relative));
        var (exported, _) = new global::Broadsheet.Web.OpenData.Export.HtmlRewriter(["http://localhost"]).Rewrite(html, article: true);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(exported);

        Assert.Equal(filter, page.QuerySelector("main[data-pagefind-body]")!.GetAttribute("data-pagefind-filter"));
        // The export's search page keeps the hits of what 仅本期 sends (pub= and edition=) by that filter.
        Assert.Contains("triggerFilters({ edition: [pub + \"/\" + edition] })", global::Broadsheet.Web.OpenData.Export.SearchPage.Html, StringComparison.Ordinal);
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
