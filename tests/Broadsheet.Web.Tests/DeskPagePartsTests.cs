using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Broadsheet.Web.Tests;

/// <summary>
/// The rest of the review page's page-first edits, on the same hand-made page as <see cref="DeskPageEditTests"/>:
/// printed lines given as a headline, kicker, byline or caption; a story's continuation on another page linked to it;
/// a photo given to another article and deleted; a re-kinded article's revision read in the desk's words. Each as a
/// 数字报编辑 would notice it: in the fields the reader shows, and undone exactly.
/// </summary>
public sealed class DeskPagePartsTests(LayoutDeskFactory app) : IClassFixture<LayoutDeskFactory>
{
    [Fact]
    public async Task Lines_given_as_headline_kicker_byline_and_caption_land_in_those_fields_and_leave_their_holders()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var (jia, yi, bing) = (await ArticleAsync(day, "河西走廊"), await ArticleAsync(day, "黄河岸边"), await ArticleAsync(day, "市民公园"));
        var count = (await app.EditionAsync(day)).Articles.Count;

        // 甲's subheadline, detected as an article of its own, made its kicker: the stray article goes.
        var kicker = await desk.PostAsync(day, "pages/01/lines", new { article = jia.Id, lines = new[] { 1 }, role = "kicker" });
        // Text no article holds made 乙's headline and 甲's photo's caption; 丙's last line made 乙's byline.
        await desk.PostAsync(day, "pages/01/lines", new { article = yi.Id, lines = new[] { 14 }, role = "headline" });
        await desk.PostAsync(day, "pages/01/lines", new { article = jia.Id, lines = new[] { 15 }, role = "caption" });
        await desk.PostAsync(day, "pages/01/lines", new { article = yi.Id, lines = new[] { 16 }, role = "byline" });

        Assert.Contains("引题", kicker.Message, StringComparison.Ordinal);
        var after = await app.EditionAsync(day);
        var jiaNow = after.Articles.Single(a => a.Id == jia.Id);
        var yiNow = after.Articles.Single(a => a.Id == yi.Id);
        Assert.Equal("戈壁滩上瓜果飘香", jiaNow.Kicker);
        Assert.Equal(count - 1, after.Articles.Count);
        Assert.Equal("新设便民服务点", yiNow.Headline);
        Assert.Equal("另有一段谁都没有的文字内容", jiaNow.Images.Single().Caption);
        Assert.Equal("早晚人流不断。", yiNow.Byline);
        Assert.DoesNotContain(after.Articles.Single(a => a.Id == bing.Id).Paragraphs, p => p.Contains("早晚人流不断", StringComparison.Ordinal));

        // The last of them undone: the byline goes back to the end of 丙, the rest stays.
        await desk.PostAsync(day, "undo", new { });
        var undone = await app.EditionAsync(day);
        Assert.Null(undone.Articles.Single(a => a.Id == yi.Id).Byline);
        Assert.EndsWith("早晚人流不断。", string.Concat(undone.Articles.Single(a => a.Id == bing.Id).Paragraphs), StringComparison.Ordinal);
        Assert.Equal("新设便民服务点", undone.Articles.Single(a => a.Id == yi.Id).Headline);
    }

    [Fact]
    public async Task A_story_s_continuation_on_another_page_linked_to_it_reads_on_and_undo_parts_them()
    {
        var day = await app.NewEditionAsync(jump: true);
        var desk = await SignInAsync();
        var jia = await ArticleAsync(day, "河西走廊");
        var rest = await ArticleAsync(day, "（上接");
        var before = await app.EditionAsync(day);
        var second = before.Pages.Single(p => p.Label == "02");

        var answer = await desk.PostAsync(day, $"articles/{jia.Id}/link", new { fragment = rest.Id });

        Assert.Contains("接到了《河西走廊迎来丰收季》后面", answer.Message, StringComparison.Ordinal);
        var after = await app.EditionAsync(day);
        var jiaNow = after.Articles.Single(a => a.Id == jia.Id);
        Assert.Equal("瓜果销往全国各地，供不应求。", jiaNow.Paragraphs[^1]);
        // A reader on page 02 taps the continuation and reaches the whole story.
        Assert.Contains(jiaNow.Regions, r => r.PageId == second.Id);
        Assert.DoesNotContain(after.Articles, a => a.Id == rest.Id);

        // Linking a story to itself is refused in words.
        using (var refused = await desk.SendRawAsync(HttpMethod.Post, day, $"articles/{jia.Id}/link", new { fragment = jia.Id }))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("不能接在它自己后面", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await desk.PostAsync(day, "undo", new { });

        var restored = await app.EditionAsync(day);
        Assert.Equal(Texts(before), Texts(restored));
        Assert.DoesNotContain(restored.Articles.Single(a => a.Id == jia.Id).Regions, r => r.PageId == second.Id);
    }

    [Fact]
    public async Task A_photo_given_to_another_article_then_deleted_comes_back_to_it_with_undo()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var (jia, yi) = (await ArticleAsync(day, "河西走廊"), await ArticleAsync(day, "黄河岸边"));
        var photo = jia.Images.Single();

        var given = await desk.SendAsync(HttpMethod.Put, day, $"images/{photo.Id}", new { article = yi.Id });

        Assert.Contains("黄河岸边", given.Message, StringComparison.Ordinal);
        var after = await app.EditionAsync(day);
        Assert.Empty(after.Articles.Single(a => a.Id == jia.Id).Images);
        var moved = after.Articles.Single(a => a.Id == yi.Id).Images.Single();
        Assert.Equal(photo.Polygon, moved.Polygon);
        Assert.Equal("丰收图片的说明文字。", moved.Caption);

        var deleted = await desk.SendAsync(HttpMethod.Delete, day, $"images/{moved.Id}");

        Assert.Contains("已删除图片", deleted.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await app.EditionAsync(day)).Articles, a => a.Images.Count > 0);
        Assert.Contains("delete-photo", await app.AuditActionsAsync(day));

        await desk.PostAsync(day, "undo", new { });

        var back = (await app.EditionAsync(day)).Articles.Single(a => a.Id == yi.Id).Images.Single();
        Assert.Equal(photo.Polygon, back.Polygon);
        Assert.Equal("本报记者 李四", back.Credit);
    }

    [Fact]
    public async Task A_photo_moved_on_the_page_keeps_its_new_frame_and_a_frame_of_two_corners_is_refused()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var jia = await ArticleAsync(day, "河西走廊");
        var photo = jia.Images.Single();
        // Dragged down and left by a twentieth of the page, as the review page sends it.
        var frame = new[] { new[] { 0.30, 0.25 }, new[] { 0.55, 0.25 }, new[] { 0.55, 0.36 }, new[] { 0.30, 0.36 } };

        await desk.SendAsync(HttpMethod.Put, day, $"images/{photo.Id}", new { polygon = frame });

        var moved = (await app.EditionAsync(day)).Articles.Single(a => a.Id == jia.Id).Images.Single();
        Assert.Equal(Polygon.Rectangle(0.30, 0.25, 0.55, 0.36), moved.Polygon);
        using var refused = await desk.SendRawAsync(HttpMethod.Put, day, $"images/{moved.Id}", new { polygon = new[] { new[] { 0.1, 0.1 }, new[] { 0.2, 0.2 } } });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(moved.Polygon, (await app.EditionAsync(day)).Articles.Single(a => a.Id == jia.Id).Images.Single().Polygon);
    }

    [Fact]
    public async Task A_headless_article_a_42_paragraph_one_and_a_region_over_anothers_photo_are_flagged_each_at_its_place()
    {
        var day = await app.NewEditionAsync(jump: true);
        var desk = await SignInAsync();
        var (jia, yi) = (await ArticleAsync(day, "河西走廊"), await ArticleAsync(day, "黄河岸边"));
        var second = $"/desk/{LayoutDeskFactory.Slug}/{day:yyyy-MM-dd}/02";

        var doc = await desk.Client.GetAsync(second);

        var kinds = doc.QuerySelectorAll(".doubt-list .doubt-go").Select(b => b.GetAttribute("data-kind")).ToList();
        Assert.Contains("NoHeadline", kinds);
        Assert.Contains("VeryLong", kinds);
        Assert.True(kinds.IndexOf("NoHeadline") < kinds.IndexOf("VeryLong"), "an article without a headline is listed before a long one");
        Assert.Contains("42段", doc.QuerySelector(".doubt-go[data-kind='VeryLong']")!.TextContent, StringComparison.Ordinal);

        // 甲's photo given to 乙 while 甲's region still covers it: a reader tapping the photo would open 甲.
        await desk.SendAsync(HttpMethod.Put, day, $"images/{jia.Images.Single().Id}", new { article = yi.Id });
        var first = await desk.Client.GetAsync($"/desk/{LayoutDeskFactory.Slug}/{day:yyyy-MM-dd}/01");
        // 甲's region drawn round its own subheadline's stray article: the shared part is hatched on the page.
        Assert.NotEmpty(first.QuerySelectorAll(".review-marks g.overlaps polygon.overlap"));
        var covers = Assert.Single(first.QuerySelectorAll(".doubt-go[data-kind='CoversPhoto']"));
        Assert.Equal(jia.Id.ToString(CultureInfo.InvariantCulture), covers.GetAttribute("data-article"));
        Assert.Contains("盖住了《黄河岸边", covers.TextContent, StringComparison.Ordinal);
        // It jumps to the photo itself.
        Assert.Equal("0.35,0.2,0.6,0.31", covers.GetAttribute("data-box"));
    }

    [Fact]
    public async Task A_merge_on_the_article_page_is_undone_there_and_a_drafts_save_says_readers_cannot_see_it_yet()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var (jia, yi) = (await ArticleAsync(day, "河西走廊"), await ArticleAsync(day, "黄河岸边"));
        var before = await app.EditionAsync(day);
        var url = $"/desk/articles/{jia.Id.ToString(CultureInfo.InvariantCulture)}";

        using (var merged = await desk.Client.SubmitAsync(url, "Merge", new Dictionary<string, string?> { ["other"] = yi.Id.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, merged.StatusCode);
        }

        Assert.DoesNotContain((await app.EditionAsync(day)).Articles, a => a.Id == yi.Id);
        var offered = await desk.Client.GetAsync(url);
        Assert.Contains("并入了《黄河岸边开展清淤工程》", offered.QuerySelector(".undo-panel")!.TextContent, StringComparison.Ordinal);

        using (var undone = await desk.Client.SubmitAsync(url, "Undo", new Dictionary<string, string?>()))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, undone.StatusCode);
        }

        Assert.Equal(Texts(before), Texts(await app.EditionAsync(day)));

        // The edition is a draft: the save says so instead of claiming readers saw it.
        using (var saved = await desk.Client.SubmitAsync(url, "Save", new Dictionary<string, string?> { ["Form.Byline"] = "本报记者 王五" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }

        var flash = (await desk.Client.GetAsync(url)).QuerySelector(".desk-flash")!.TextContent;
        Assert.Contains("还看不到", flash, StringComparison.Ordinal);
        Assert.DoesNotContain("读者页面已更新", flash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_editor_shows_each_page_the_story_is_on_with_its_region_its_lines_and_its_photo()
    {
        var day = await app.NewEditionAsync(jump: true);
        var desk = await SignInAsync();
        var (jia, rest) = (await ArticleAsync(day, "河西走廊"), await ArticleAsync(day, "（上接"));
        await desk.PostAsync(day, $"articles/{jia.Id}/link", new { fragment = rest.Id });

        var doc = await desk.Client.GetAsync($"/desk/articles/{jia.Id.ToString(CultureInfo.InvariantCulture)}");

        // A section for each page, with a picture where the page has an image (the hand-made page 02 has none).
        var pages = doc.QuerySelectorAll(".article-page");
        Assert.Equal(2, pages.Length);
        Assert.Contains("第02版", pages[1].QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var first = pages[0].QuerySelector(".article-page-picture")!;
        Assert.Contains("第01版", first.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Single(first.QuerySelectorAll("polygon.region"));
        // Its headline and the two lines of its second paragraph, printed inside its region.
        Assert.True(first.QuerySelectorAll("rect.line").Length >= 3, "the lines 甲 holds are marked on its page");
        Assert.Single(first.QuerySelectorAll("polygon.photo"));
        Assert.Contains("丰收图片的说明文字", doc.QuerySelector(".article-photos")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_kinded_articles_revision_reads_its_kinds_in_the_desks_words()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var bing = await ArticleAsync(day, "市民公园");

        await desk.PostAsync(day, $"articles/{bing.Id}/kind", new { kind = "PhotoNews" });

        var doc = await desk.Client.GetAsync($"/desk/articles/{bing.Id.ToString(CultureInfo.InvariantCulture)}");
        var diff = string.Join("\n", doc.QuerySelectorAll(".revisions .diff").Select(d => d.TextContent));
        Assert.Contains("类型: 图说新闻", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("PhotoNews", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("Story", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detections_low_confidence_in_an_article_is_listed_with_its_reason_at_its_place_until_someone_checks_it()
    {
        // Detection was 55% sure of 乙, whose body it placed by position alone, and 90% sure of 丙.
        var day = await app.NewEditionAsync(adjust: edition =>
        {
            edition.Articles.Single(a => a.Headline == "黄河岸边开展清淤工程").SetDetection(0.55, ArticleDoubts.LooseBody);
            edition.Articles.Single(a => a.Headline == "市民公园新增健身步道").SetDetection(0.9, ArticleDoubts.None);
        });
        var desk = await SignInAsync();
        var yi = await ArticleAsync(day, "黄河岸边");
        var url = $"/desk/{LayoutDeskFactory.Slug}/{day:yyyy-MM-dd}/01";

        var doc = await desk.Client.GetAsync(url);

        // Only the doubtful one is listed, in words, and its item jumps to its region.
        var item = Assert.Single(doc.QuerySelectorAll(".doubt-go[data-kind='Detection']"));
        Assert.Equal(yi.Id.ToString(CultureInfo.InvariantCulture), item.GetAttribute("data-article"));
        Assert.Contains("黄河岸边开展清淤工程", item.QuerySelector(".doubt-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("检测把握 55%：正文是按位置归过来的。", item.QuerySelector(".doubt-text")!.TextContent.Trim());
        Assert.Equal("0.64,0.04,0.96,0.13", item.GetAttribute("data-box"));
        // The article list flags it too.
        Assert.NotNull(doc.QuerySelector($".review-articles li[data-article='{yi.Id}'] .doubt-flag"));

        await desk.PostAsync(day, $"articles/{yi.Id}/checked", new { });

        Assert.Empty((await desk.Client.GetAsync(url)).QuerySelectorAll(".doubt-go[data-kind='Detection']"));
    }

    private static IReadOnlyList<string> Texts(Edition edition) =>
        [.. edition.Articles.OrderBy(a => a.Order).Select(a => ArticleSnapshot.Of(a))];

    private async Task<Article> ArticleAsync(DateOnly day, string headline) =>
        (await app.EditionAsync(day)).Articles.Single(a => a.Headline.StartsWith(headline, StringComparison.Ordinal));

    private async Task<PageEditClient> SignInAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DeskSession.SignInAsync(client, LayoutDeskFactory.Editor, LayoutDeskFactory.Password);
        return new PageEditClient(new DeskClient(client), await DeskSession.TokenAsync(client, "/desk"), app);
    }
}
