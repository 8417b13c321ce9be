using System.Net;
using System.Text;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Search;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>The results page and <c>/api/v1/search</c> over the seeded editions, kept in step by the server's sync service.</summary>
public sealed class SearchTests(SearchAppFactory app) : IClassFixture<SearchAppFactory>
{
    [Fact]
    public async Task The_api_finds_a_two_character_word_and_links_to_the_article_that_has_it()
    {
        var json = await GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("银杏"));

        Assert.Equal(1, json.GetProperty("total").GetInt32());
        var hit = json.GetProperty("hits")[0];
        Assert.Equal("秋日银杏染金城", hit.GetProperty("headline").GetString());
        Assert.Equal("photoNews", hit.GetProperty("kind").GetString());
        Assert.Equal("/binjiang/2026-11-02/01/3?hl=" + Uri.EscapeDataString("银杏"), hit.GetProperty("url").GetString());
        Assert.Contains("<mark>银杏</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);

        // The link opens that very article.
        var article = await app.NewClient().GetStringAsync(new Uri(hit.GetProperty("url").GetString()!, UriKind.Relative));
        Assert.Contains("秋日银杏染金城", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_continued_article_is_found_once_under_the_page_it_starts_on()
    {
        var json = await GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("口袋公园"));

        var hit = Assert.Single(json.GetProperty("hits").EnumerateArray());
        Assert.Equal("滨江新城今年建成十座口袋公园", hit.GetProperty("headline").GetString());
        Assert.StartsWith("/binjiang/2026-11-02/01/1?", hit.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exact_matches_are_not_approximate()
    {
        var json = await GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("地铁"));

        Assert.False(json.GetProperty("approximate").GetBoolean());
    }

    [Fact]
    public async Task A_page_opened_from_a_result_marks_the_phrase_on_the_image_within_the_article()
    {
        var store = app.Services.GetRequiredService<IEditionStore>();
        var publication = (await store.FindPublicationAsync(TestEdition.Slug))!;
        var edition = new Edition(publication, new DateOnly(2026, 10, 20));
        var page = edition.AddPage("01", "头版", new PageSize(842, 1191));
        page.DerivativesKey = "pages/te/test-lines";
        edition.AddArticle(new ArticleContent { Headline = "芦苇荡湿地公园开园", Paragraphs = ["利用边角地块新建芦苇荡湿地公园。"] })
            .AddRegion(page, Polygon.Rectangle(0.05, 0.05, 0.62, 0.3));
        edition.AddArticle(new ArticleContent { Headline = "江边的芦苇荡", Paragraphs = ["另一篇也提到芦苇荡。"] })
            .AddRegion(page, Polygon.Rectangle(0.62, 0.05, 0.95, 0.3));
        edition.Publish(DateTimeOffset.UnixEpoch);
        await store.SaveEditionAsync(edition, replace: false);
        await app.CatchUpAsync();

        // What ingest keeps beside a page's images: its articles' printed lines with their boxes.
        var lines = new[]
        {
            new PageTextLine("芦苇荡湿地公园开园", 0.06, 0.1, 0.6, 0.13),
            new PageTextLine("利用边角地块新建芦苇荡湿地公园", 0.06, 0.2, 0.5, 0.22),
            new PageTextLine("江边的芦苇荡", 0.63, 0.1, 0.9, 0.12),
        };
        using (var json = new MemoryStream())
        {
            PageTextLayer.Write(json, lines);
            json.Position = 0;
            await app.Services.GetRequiredService<IBlobStore>().PutAsync($"{page.DerivativesKey}/{PageTextLayer.FileName}", json);
        }

        var search = await GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("湿地公园"));
        var pageUrl = search.GetProperty("hits")[0].GetProperty("pageUrl").GetString()!;
        using var response = await app.NewClient().GetAsync(new Uri(pageUrl, UriKind.Relative));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal("/binjiang/2026-10-20/01?hl=" + Uri.EscapeDataString("湿地公园") + "&a=1", pageUrl);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        // Twice in the article's lines; the third line, in the other article, has only 芦苇荡.
        var marks = document.QuerySelectorAll(".page-hits rect");
        Assert.Equal(2, marks.Length);
        Assert.Equal("0.1", marks[0].GetAttribute("y"));
        Assert.Contains("湿地公园", document.QuerySelector(".hits-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/binjiang/2026-10-20/01", document.QuerySelector(".hits-note a")!.GetAttribute("href"));
        // The hotspots still lead to the articles.
        Assert.NotEmpty(document.QuerySelectorAll(".hotspots a.hotspot"));
    }

    [Fact]
    public async Task Drafts_are_never_found()
    {
        var json = await GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("草稿"));

        Assert.Equal(0, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_results_page_lists_hits_with_marked_snippets_and_facets()
    {
        var document = await app.NewClient().GetDocumentAsync("/search?q=" + Uri.EscapeDataString("地铁"));
        var hits = document.QuerySelectorAll(".search-hit");
        Assert.Single(hits);
        Assert.Equal("地铁三号线二期开通试运营", hits[0].QuerySelector(".hit-title a")!.TextContent);
        Assert.Equal("地铁", hits[0].QuerySelector(".hit-snippet mark")!.TextContent);
        Assert.Equal("地铁", document.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector(".search-facets"));
    }

    [Fact]
    public async Task The_header_box_on_the_results_of_a_search_within_one_edition_keeps_that_limit_ticked()
    {
        var scoped = await app.NewClient().GetDocumentAsync("/search?q=" + Uri.EscapeDataString("地铁") + "&pub=binjiang&edition=2026-11-02");
        var box = scoped.QuerySelector("#header-search input[name=edition]")!;
        Assert.Equal("2026-11-02", box.GetAttribute("value"));
        Assert.True(box.HasAttribute("checked"), "the header box dropped 仅本期 from a search within one edition");

        // A search of every edition offers no such limit there: the results page is no edition's.
        var everywhere = await app.NewClient().GetDocumentAsync("/search?q=" + Uri.EscapeDataString("地铁") + "&pub=binjiang");
        Assert.Null(everywhere.QuerySelector("#header-search input[name=edition]"));
    }

    [Fact]
    public async Task A_search_with_no_hits_says_so_and_an_empty_one_shows_only_the_form()
    {
        var none = await app.NewClient().GetDocumentAsync("/search?q=" + Uri.EscapeDataString("火星殖民"));
        var empty = await app.NewClient().GetDocumentAsync("/search");

        Assert.Contains("没有找到", none.QuerySelector(".search-status")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(none.QuerySelectorAll(".search-hit"));
        Assert.NotNull(empty.QuerySelector("form[role=search]"));
        Assert.Null(empty.QuerySelector(".search-status"));
    }

    [Fact]
    public async Task Snippets_escape_what_the_reader_typed()
    {
        var html = await app.NewClient().GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script> 地铁"), UriKind.Relative));

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_an_edition_updates_the_index()
    {
        var store = app.Services.GetRequiredService<IEditionStore>();
        var publication = (await store.FindPublicationAsync(TestEdition.Slug))!;
        var edition = new Edition(publication, new DateOnly(2026, 10, 30));
        var page = edition.AddPage("01", "头版", new PageSize(992, 1417));
        edition.AddArticle(new ArticleContent { Headline = "旧标题里的天鹅湖", Paragraphs = ["天鹅湖公园开放。"] }).AddRegion(page, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        edition.Publish(DateTimeOffset.UnixEpoch);
        await store.SaveEditionAsync(edition, replace: false);
        await app.CatchUpAsync();
        Assert.Equal(1, (await GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("天鹅湖"))).GetProperty("total").GetInt32());

        var replacement = new Edition(publication, new DateOnly(2026, 10, 30));
        var newPage = replacement.AddPage("01", "头版", new PageSize(992, 1417));
        replacement.AddArticle(new ArticleContent { Headline = "新标题里的白鹭洲", Paragraphs = ["白鹭洲公园开放。"] }).AddRegion(newPage, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        replacement.Publish(DateTimeOffset.UnixEpoch);
        await store.SaveEditionAsync(replacement, replace: true);
        await app.CatchUpAsync();

        Assert.Equal(0, (await GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("天鹅湖"))).GetProperty("total").GetInt32());
        Assert.Equal(1, (await GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("白鹭洲"))).GetProperty("total").GetInt32());
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("/search?q=", "br")]
    [InlineData("/api/v1/search?q=", "gzip")]
    public async Task Results_go_out_compressed_when_the_browser_accepts_it(string path, string coding)
    {
        var url = new Uri(path + Uri.EscapeDataString("银杏"), UriKind.Relative);
        var client = app.NewClient();
        using var plain = await client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
        using var compressed = await client.SendAsync(request);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([coding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var identity = await plain.Content.ReadAsStringAsync();
        var body = await compressed.Content.ReadAsByteArrayAsync();
        Assert.Contains("秋日银杏染金城", identity, StringComparison.Ordinal);
        Assert.Equal(identity, Encoding.UTF8.GetString(ContentCoding.Decode(body, coding)));
        Assert.True(body.Length < Encoding.UTF8.GetByteCount(identity), $"{coding}: {body.Length} bytes for {identity.Length} characters");
    }
}

/// <summary>A reader with a tight search rate limit: three searches, then one a minute.</summary>
public sealed class SearchRateLimitTests(TightLimitAppFactory app) : IClassFixture<TightLimitAppFactory>
{
    [Fact]
    public async Task A_client_that_searches_too_often_is_told_to_wait()
    {
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("地铁"), UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("60", response.Headers.RetryAfter?.ToString());
            }
        }

        using var page = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString("地铁"), UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        // Reading pages is never limited.
        using var reader = await client.GetAsync(new Uri("/binjiang/2026-11-02/01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
    }
}

/// <summary>The seeded reader, with the index caught up before the tests run.</summary>
public sealed class SearchAppFactory : ReaderAppFactory
{
    /// <summary>Applies pending edition changes now, as the sync service would within seconds.</summary>
    public Task CatchUpAsync() => Services.GetRequiredService<SearchSync>().CatchUpAsync();

    protected override async Task AfterSeedAsync() => await CatchUpAsync();
}

/// <summary>The seeded reader with a search rate limit of three at once, then one a minute.</summary>
public sealed class TightLimitAppFactory : ReaderAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:SearchBurst", "3");
        builder.UseSetting("Broadsheet:SearchPerMinute", "1");
    }

    protected override async Task AfterSeedAsync() => await Services.GetRequiredService<SearchSync>().CatchUpAsync();
}
