using System.Net;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>Merging, splitting and moving text between articles, as the reader then shows them.</summary>
public sealed class DeskRestructureTests(ReviewDeskFactory app) : IClassFixture<ReviewDeskFactory>
{
    [Fact]
    public async Task Merging_brings_the_other_articles_text_regions_and_photo_and_removes_it()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var kept = await app.ArticleIdAsync("本市简讯");
        var absorbed = await app.ArticleIdAsync("秋日银杏染金城");

        using var response = await desk.SubmitAsync($"/desk/articles/{kept}", "Merge", new Dictionary<string, string?> { ["other"] = absorbed.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.ArticleAsync(absorbed));
        var page = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01");
        Assert.DoesNotContain("秋日银杏染金城", page.QuerySelectorAll("nav.toc a").Texts());
        var hotspot = page.QuerySelectorAll("a.hotspot").Single(a => a.GetAttribute("aria-label") == "本市简讯");
        Assert.Equal(2, hotspot.QuerySelectorAll("polygon").Length);
        var article = await app.NewClient().GetDocumentAsync(hotspot.GetAttribute("href")!);
        Assert.Equal(["市图书馆新馆下月开放。", "滨江大桥夜间施工期间限速通行。", "第十届读书节启动。", "滨江公园的银杏进入最佳观赏期，吸引不少市民前来拍照。"],
            article.QuerySelectorAll(".article-body p").Texts());
        Assert.StartsWith("市民在银杏树下拍照留念。", article.QuerySelector("figcaption")!.Text(), StringComparison.Ordinal);

        var history = await desk.GetAsync($"/desk/articles/{kept}");
        Assert.Equal("并入了《秋日银杏染金城》", history.QuerySelector(".revisions li strong")!.Text());
        Assert.Contains("+ 滨江公园的银杏进入最佳观赏期，吸引不少市民前来拍照。", history.QuerySelectorAll(".diff .add").Texts());
        Assert.Contains(await app.AuditAsync("merge-articles"), e => e.User == ReviewDeskFactory.Editor && e.Subject.Contains("本市简讯", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Splitting_makes_a_new_article_and_sends_the_editor_to_draw_its_region()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync(TestEdition.Articles[0].Headline);

        using var response = await desk.SubmitAsync($"/desk/articles/{id}", "Split", new Dictionary<string, string?> { ["at"] = "3", ["headline"] = "明年继续推进公园圈建设" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await app.ArticleIdAsync("明年继续推进公园圈建设");
        Assert.Equal($"/desk/binjiang/2026-11-02/01?article={created}", response.Headers.Location!.OriginalString);
        Assert.Equal(2, (await app.ArticleAsync(id))!.Paragraphs.Count);
        var review = await desk.GetAsync(response.Headers.Location.OriginalString);
        Assert.Contains("还没有版面区域", review.QuerySelector(".desk-flash")!.Text(), StringComparison.Ordinal);
        var item = review.QuerySelector($".review-articles li[data-article='{created}']")!;
        Assert.Equal("true", item.GetAttribute("data-selected"));
        Assert.Equal("无区域", item.QuerySelector(".flag")!.Text());
        var original = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/1");
        Assert.Equal(TestEdition.Articles[0].Content.Paragraphs.Take(2).Select(p => p.Text), original.QuerySelectorAll(".article-body p").Texts());

        // The region drawn for it makes it a hotspot readers can open.
        using var put = await desk.PutRegionsAsync(created, "02", [[[0.05, 0.6], [0.5, 0.6], [0.5, 0.7], [0.05, 0.7]]], await desk.TokenAsync());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var page = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/02");
        var hotspot = page.QuerySelectorAll("a.hotspot").Single(a => a.GetAttribute("aria-label") == "明年继续推进公园圈建设");
        var article = await app.NewClient().GetDocumentAsync(hotspot.GetAttribute("href")!);
        Assert.Equal([TestEdition.Articles[0].Content.Paragraphs[2].Text], article.QuerySelectorAll(".article-body p").Texts());
    }

    [Fact]
    public async Task Moving_paragraphs_takes_them_from_one_article_to_the_end_of_another()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var from = await app.ArticleIdAsync("地铁三号线二期开通试运营");
        var to = await app.ArticleIdAsync("市政协召开专题协商会");

        using var response = await desk.SubmitAsync($"/desk/articles/{from}", "Move", new Dictionary<string, string?>
        {
            ["from"] = "2",
            ["to"] = "2",
            ["target"] = to.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["昨天上午，地铁三号线二期正式开通试运营，全线新增车站七座。"], (await app.ArticleAsync(from))!.Paragraphs);
        Assert.Equal(["会议围绕老旧小区改造开展专题协商。", "试运营期间，首末班车时间与一期保持一致。"], (await app.ArticleAsync(to))!.Paragraphs);
        var page = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/02");
        var hotspot = page.QuerySelectorAll("a.hotspot").Single(a => a.GetAttribute("aria-label") == "市政协召开专题协商会");
        var article = await app.NewClient().GetDocumentAsync(hotspot.GetAttribute("href")!);
        Assert.Equal("试运营期间，首末班车时间与一期保持一致。", article.QuerySelectorAll(".article-body p").Last().Text());
        var history = await desk.GetAsync($"/desk/articles/{to}");
        Assert.Equal("从《地铁三号线二期开通试运营》移来第2段", history.QuerySelector(".revisions li strong")!.Text());
    }

    [Fact]
    public async Task A_split_at_an_impossible_paragraph_says_why_and_changes_nothing()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("平安建设宣传月启动");

        var form = await desk.GetAsync($"/desk/articles/{id}");
        using var response = await desk.Http.PostAsync(
            new Uri($"/desk/articles/{id}?handler=Split", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["at"] = "1",
                ["headline"] = "不该出现",
                ["__RequestVerificationToken"] = DeskClient.FormToken(form),
            }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只能在两段之间拆分", DeskClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".desk-error")!.Text(), StringComparison.Ordinal);
        Assert.Single((await app.ArticleAsync(id))!.Paragraphs);
    }
}
