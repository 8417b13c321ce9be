using System.Net;
using System.Text.Json;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>The article view as the second pass made it: its own photos, a search's marks, the e-paper's navigation, the text of a page for reading aloud.</summary>
public sealed class ArticleSecondPassTests(SecondPassAppFactory app) : IClassFixture<SecondPassAppFactory>
{
    private const string Lead = "/binjiang/2026-11-02/01/1";

    [Fact]
    public async Task A_photo_with_images_of_its_own_is_shown_from_them_not_cut_from_the_page()
    {
        var doc = await app.NewClient().GetDocumentAsync(Lead);

        var figure = doc.QuerySelector("figure.photo")!;
        Assert.Null(figure.QuerySelector(".crop"));
        var img = figure.QuerySelector("picture img")!;
        Assert.Equal($"/media/{SecondPassAppFactory.PhotoKey}/page.jpg", img.GetAttribute("src"));
        Assert.Equal($"/media/{SecondPassAppFactory.PhotoKey}/page.webp 800w, /media/{SecondPassAppFactory.PhotoKey}/large.webp 1600w", figure.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"));
        Assert.Equal(("800", "500"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.DoesNotContain(doc.QuerySelectorAll("article img"), i => i.GetAttribute("src")!.Contains(app.Seeded.ImageKeys["01"], StringComparison.Ordinal));

        // A photo imported before photos had images of their own is still cut from the page image.
        var older = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/3");
        Assert.NotNull(older.QuerySelector("figure.photo .crop img"));

        var edition = JsonDocument.Parse(await app.NewClient().GetStringAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02", UriKind.Relative))).RootElement;
        var image = edition.GetProperty("pages")[0].GetProperty("articles")[0].GetProperty("images")[0];
        Assert.Equal($"/media/{SecondPassAppFactory.PhotoKey}/large.jpg", image.GetProperty("url").GetString());
        Assert.Equal(1600, image.GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task A_search_result_marks_the_phrase_in_the_text_and_the_marks_follow_to_the_page_and_on()
    {
        var client = app.NewClient();
        using var response = await client.GetAsync(new Uri(Lead + "?hl=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD", UriKind.Relative));
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        // 口袋公园: in the headline, the photo's caption and the first paragraph, numbered in that order.
        var marks = doc.QuerySelectorAll("mark.hit").ToList();
        Assert.Equal(["hit-1", "hit-2", "hit-3"], marks.Select(m => m.Id));
        Assert.All(marks, m => Assert.Equal("口袋公园", m.Text()));
        Assert.NotNull(doc.QuerySelector("h1 mark#hit-1"));
        Assert.NotNull(doc.QuerySelector("figcaption mark#hit-2"));
        Assert.NotNull(doc.QuerySelector(".article-body p[data-p='0'] mark#hit-3"));
        Assert.Contains("共 3 处", doc.QuerySelector(".hits-bar")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#hit-1", doc.QuerySelector(".hits-bar .hit-next")!.GetAttribute("href"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        // 版面 keeps the marks and the place; the pager and the page list carry them on.
        Assert.Equal("/binjiang/2026-11-02/01?hl=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD&a=1#a1", doc.QuerySelector(".view-toggle .to-page")!.GetAttribute("href"));
        Assert.EndsWith("?hl=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD", doc.QuerySelector(".article-pager a.next")!.GetAttribute("href"), StringComparison.Ordinal);

        var page = await client.GetDocumentAsync("/binjiang/2026-11-02/01?hl=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD&a=1");
        Assert.NotEmpty(page.QuerySelectorAll(".page-hits rect"));
        Assert.Equal(Lead + "?hl=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD", page.QuerySelector("a.hotspot[data-n='1']")!.GetAttribute("href"));
        Assert.Equal(Lead + "?hl=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD", page.QuerySelector(".view-toggle .to-text")!.GetAttribute("href"));

        // Without marks the article view is the cached one, with no bar.
        var plain = await client.GetDocumentAsync(Lead);
        Assert.Null(plain.QuerySelector(".hits-bar"));
        Assert.Empty(plain.QuerySelectorAll("mark"));
    }

    [Fact]
    public async Task The_article_view_keeps_the_page_list_the_pager_the_spread_and_the_calendar()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/02/1");

        var side = doc.QuerySelector("aside.article-side")!;
        Assert.Equal(["第01版:头版", "第02版:要闻", "第03版:平安滨江"], side.QuerySelectorAll("nav.page-list a").Texts());
        Assert.Equal("第02版:要闻", side.QuerySelector("nav.page-list a[aria-current=page]")!.Text());
        Assert.Equal("02版", side.QuerySelector(".pager .current strong")!.Text());
        Assert.Equal("/binjiang/2026-11-02/01", side.QuerySelector(".pager a.first")!.GetAttribute("href"));
        Assert.Equal("/binjiang/2026-11-02/03", side.QuerySelector(".pager a.last")!.GetAttribute("href"));
        Assert.Equal("/binjiang/2026-11-02/02-03", side.QuerySelector(".pager a.spread-toggle")!.GetAttribute("href"));
        // Arrow keys follow 上一篇/下一篇 here, so the page pager has no key of its own.
        Assert.Empty(side.QuerySelectorAll("[data-key]"));
        Assert.NotNull(side.QuerySelector(".calendar td.current a[href='/binjiang/2026-11-02/01']"));
        Assert.NotNull(doc.QuerySelector("header.masthead .edition-pager a.previous-edition"));
    }

    [Fact]
    public async Task A_page_s_text_says_where_each_paragraph_is_printed()
    {
        var json = JsonDocument.Parse(await app.NewClient().GetStringAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02/pages/01", UriKind.Relative))).RootElement;

        var articles = json.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(TestEdition.Articles.Take(4).Select(a => a.Content.Headline), articles.Select(a => a.GetProperty("headline").GetString()));
        var lead = articles[0].GetProperty("paragraphs").EnumerateArray().ToList();
        Assert.Equal(TestEdition.Articles[0].Content.Paragraphs.Select(p => p.Text), lead.Select(p => p.GetProperty("text").GetString()));
        // Each paragraph's boxes lie in the lead article's region on page 01, one under the other.
        var tops = new List<double>();
        foreach (var paragraph in lead)
        {
            var boxes = paragraph.GetProperty("boxes").EnumerateArray().ToList();
            Assert.NotEmpty(boxes);
            foreach (var box in boxes)
            {
                Assert.InRange(box[0].GetDouble(), 0.05, 0.62);
                Assert.InRange(box[1].GetDouble(), 0.08, 0.46);
            }

            tops.Add(boxes[0][1].GetDouble());
        }

        Assert.Equal(tops.Order(), tops);
        // Articles whose lines the page does not have get no boxes, and still their text.
        Assert.All(articles[1].GetProperty("paragraphs").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("boxes").GetArrayLength()));

        using var missing = await app.NewClient().GetAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02/pages/09", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Saving_an_edition_offline_lists_every_page_article_image_and_script_it_needs()
    {
        var client = app.NewClient();
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/binjiang/2026-11-02/offline.json", UriKind.Relative))).RootElement;
        var urls = json.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList();

        Assert.Equal("broadsheet-edition:binjiang/2026-11-02", json.GetProperty("cache").GetString());
        foreach (var expected in new[] { "/binjiang/2026-11-02/01", "/binjiang/2026-11-02/03", "/binjiang/2026-11-02/02-03", "/binjiang/2026-11-02/01/4", "/binjiang/2026-11-02/03/1", $"/media/{SecondPassAppFactory.PhotoKey}/page.webp", "/binjiang/2026/11" })
        {
            Assert.Contains(expected, urls);
        }

        // The scripts and the style sheet exactly as the pages ask for them (with their version).
        var page = await client.GetDocumentAsync("/binjiang/2026-11-02/01");
        foreach (var asset in page.QuerySelectorAll("link[rel=stylesheet], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
        {
            Assert.Contains(asset, urls);
        }

        // Every address answers, so a saved edition has no holes.
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }
}
