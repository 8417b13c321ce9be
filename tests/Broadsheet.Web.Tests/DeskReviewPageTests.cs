using System.Net;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>The review page shows a page as detected; the regions endpoint changes what readers click.</summary>
public sealed class DeskReviewPageTests(ReviewDeskFactory app) : IClassFixture<ReviewDeskFactory>
{
    [Fact]
    public async Task The_review_page_shows_the_image_every_region_and_the_pages_articles_in_reading_order()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);

        var doc = await desk.GetAsync("/desk/binjiang/2026-11-02/01");

        Assert.Equal("/media/" + app.Seeded.ImageKeys["01"], doc.QuerySelector(".review-sheet img")!.GetAttribute("src"));
        Assert.Equal("240 / 339", doc.QuerySelector(".review-sheet")!.GetAttribute("style")!.Split(';')[0].Replace("aspect-ratio: ", "", StringComparison.Ordinal));
        Assert.Equal("0 0 1 1", doc.QuerySelector(".review-sheet svg")!.GetAttribute("viewBox"));
        // Article 1 has one region on page 01 and the others one each; the one printed nowhere has none.
        Assert.Equal(4, doc.QuerySelectorAll(".review-sheet polygon[data-article]").Length);
        var items = doc.QuerySelectorAll(".review-articles li");
        Assert.Equal(
            [TestEdition.Articles[0].Headline, "地铁三号线二期开通试运营", "秋日银杏染金城", "本市简讯", ReviewDeskFactory.Unplaced],
            items.Select(li => li.QuerySelector(".title")!.Text()));
        Assert.Equal(["文章", "文章", "图说新闻", "简讯", "文章"], items.Select(li => li.QuerySelector(".kind")!.Text()));
        Assert.Contains("photo-news", items[2].ClassList);
        Assert.Equal("无区域", items[4].QuerySelector(".flag")!.Text());
        Assert.Null(items[0].QuerySelector(".flag"));
        Assert.Contains("也在 02 版", items[0].QuerySelector(".meta")!.Text(), StringComparison.Ordinal);
        Assert.Equal(["01头版", "02要闻", "03平安滨江 ⚠"], doc.QuerySelectorAll(".review-tabs a").Texts());
        Assert.Equal("/desk/binjiang/2026-11-02/02", doc.QuerySelectorAll(".review-tabs a")[1].GetAttribute("href"));
        Assert.Equal("/desk/binjiang/2026-11-02", doc.QuerySelector(".review-back a")!.GetAttribute("href"));
        Assert.Null(doc.QuerySelector(".review-note"));
        Assert.NotNull(doc.QuerySelector("script[src^='/js/desk-review.js']"));
    }

    [Fact]
    public async Task A_pages_review_note_is_shown_above_the_page()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);

        var doc = await desk.GetAsync("/desk/binjiang/2026-11-02/03");

        Assert.Contains(ReviewDeskFactory.ReviewNote, doc.QuerySelector(".review-note")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_regions_replace_the_readers_hotspot_and_record_a_revision()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("市政协召开专题协商会");
        var reader = app.NewClient();
        var before = await reader.GetDocumentAsync("/binjiang/2026-11-02/02");
        Assert.Equal("0.05,0.05 0.95,0.05 0.95,0.6 0.05,0.6", Hotspot(before, "市政协召开专题协商会"));

        using var response = await desk.PutRegionsAsync(id, "02", [[[0.1, 0.1], [0.9, 0.1], [0.9, 0.55], [0.5, 0.58], [0.1, 0.55]]], await desk.TokenAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await reader.GetDocumentAsync("/binjiang/2026-11-02/02");
        Assert.Equal("0.1,0.1 0.9,0.1 0.9,0.55 0.5,0.58 0.1,0.55", Hotspot(after, "市政协召开专题协商会"));
        var review = await desk.GetAsync("/desk/binjiang/2026-11-02/02");
        Assert.Equal("0.1,0.1 0.9,0.1 0.9,0.55 0.5,0.58 0.1,0.55", review.QuerySelector($".review-sheet polygon[data-article='{id}']")!.GetAttribute("points"));
        var history = await desk.GetAsync($"/desk/articles/{id}");
        Assert.Equal("改了第02版上的区域", history.QuerySelector(".revisions li strong")!.Text());
        Assert.Equal(["+ 区域 02: 0.1,0.1 0.9,0.1 0.9,0.55 0.5,0.58 0.1,0.55"], history.QuerySelectorAll(".diff .add").Texts());
        Assert.Contains(await app.AuditAsync("edit-regions"), e => e.Subject.Contains("市政协召开专题协商会", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Regions_on_one_page_leave_the_articles_regions_on_other_pages_alone_and_none_removes_them()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("秋日银杏染金城");
        var token = await desk.TokenAsync();

        using var added = await desk.PutRegionsAsync(id, "03", [[[0.05, 0.6], [0.95, 0.6], [0.95, 0.9], [0.05, 0.9]]], token);
        var onTwoPages = (await app.ArticleAsync(id))!;
        var third = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/03");
        using var removed = await desk.PutRegionsAsync(id, "03", [], token);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(["01", "03"], onTwoPages.Regions.Select(r => r.Page.Label).Order(StringComparer.Ordinal));
        Assert.Contains("秋日银杏染金城", third.QuerySelectorAll("a.hotspot").Select(a => a.GetAttribute("aria-label")));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var article = (await app.ArticleAsync(id))!;
        Assert.Equal("0.05,0.72 0.5,0.72 0.5,0.95 0.05,0.95", Assert.Single(article.Regions).Polygon.ToString());
        var page = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/03");
        Assert.DoesNotContain("秋日银杏染金城", page.QuerySelectorAll("a.hotspot").Select(a => a.GetAttribute("aria-label")));
    }

    [Theory]
    [InlineData("01", "[[[0.1,0.1],[0.2,0.2]]]")]
    [InlineData("09", "[[[0.1,0.1],[0.2,0.1],[0.2,0.2]]]")]
    [InlineData("01", "[[[0.1],[0.2,0.1],[0.2,0.2]]]")]
    public async Task Impossible_regions_are_refused_and_nothing_changes(string page, string polygons)
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("本市简讯");
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/desk/api/articles/{id}/regions", UriKind.Relative))
        {
            Content = new StringContent($$"""{"pages":[{"page":"{{page}}","polygons":{{polygons}}}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", await desk.TokenAsync());

        using var response = await desk.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("0.5,0.72 0.95,0.72 0.95,0.95 0.5,0.95", Assert.Single((await app.ArticleAsync(id))!.Regions).Polygon.ToString());
    }

    [Fact]
    public async Task Writes_without_the_antiforgery_token_are_refused()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("本市简讯");

        using var put = await desk.PutRegionsAsync(id, "01", [[[0, 0], [1, 0], [1, 1]]], token: null);
        using var post = await desk.Http.PostAsync(
            new Uri($"/desk/articles/{id}?handler=Save", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Headline"] = "没有令牌" }));
        using var merge = await desk.Http.PostAsync(
            new Uri($"/desk/articles/{id}?handler=Merge", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["other"] = "1" }));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, merge.StatusCode);
        var article = (await app.ArticleAsync(id))!;
        Assert.Equal("本市简讯", article.Headline);
        Assert.Equal("0.5,0.72 0.95,0.72 0.95,0.95 0.5,0.95", Assert.Single(article.Regions).Polygon.ToString());
    }

    private static string? Hotspot(AngleSharp.Dom.IDocument page, string headline) =>
        page.QuerySelectorAll("a.hotspot").Single(a => a.GetAttribute("aria-label") == headline).QuerySelector("polygon")!.GetAttribute("points");
}
