using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Broadsheet.Web.Tests;

/// <summary>
/// The review page's page-first edits on a page whose text layer is known line by line: text given to the article it
/// belongs to, a fragment made a subheadline, one-line paragraphs joined, a photo made photo news, a new article
/// drawn, an article deleted; each saved with its revisions and audit entry, each undone exactly.
/// </summary>
public sealed class DeskPageEditTests(LayoutDeskFactory app) : IClassFixture<LayoutDeskFactory>
{
    [Fact]
    public async Task Lines_given_to_their_article_leave_the_one_that_held_them_and_the_regions_follow()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var (jia, yi) = (await ArticleAsync(day, "河西走廊"), await ArticleAsync(day, "黄河岸边"));

        var answer = await desk.PostAsync(day, $"pages/01/lines", new { article = jia.Id, lines = new[] { 2, 3 }, role = "body", at = 0 });

        Assert.Contains("正文开头", answer.Message, StringComparison.Ordinal);
        Assert.Contains("还没发布", answer.Message, StringComparison.Ordinal);
        var after = await app.EditionAsync(day);
        var jiaNow = after.Articles.Single(a => a.Id == jia.Id);
        var yiNow = after.Articles.Single(a => a.Id == yi.Id);
        Assert.Equal(["今年河西走廊的瓜果产量再创新高，农户们忙着采摘装车。", "合作社统一收购，价格稳定，农民增收有了保障。"], jiaNow.Paragraphs);
        Assert.Equal(["黄河兰州段的清淤工程昨日正式开工，预计年底完成。"], yiNow.Paragraphs);
        // The lines were inside 甲's region already; 乙's region never covered them and stays as it was.
        Assert.Contains(jiaNow.Regions, r => r.Polygon.Contains(0.1, 0.125));
        Assert.Equal(yi.Regions.Single().Polygon, yiNow.Regions.Single().Polygon);
        Assert.Contains(await app.RevisionsAsync(jia.Id), r => r.Summary.Contains("正文开头", StringComparison.Ordinal));
        Assert.Contains(await app.RevisionsAsync(yi.Id), r => r.Summary.Contains("正文开头", StringComparison.Ordinal));
        Assert.Contains("assign-lines", await app.AuditActionsAsync(day));
        Assert.True(jiaNow.Checked, "the article given the text has had a person's look");
    }

    [Fact]
    public async Task A_fragment_given_as_a_subheadline_leaves_no_empty_article_and_undo_brings_it_back()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var jia = await ArticleAsync(day, "河西走廊");
        var before = await app.EditionAsync(day);

        await desk.PostAsync(day, "pages/01/lines", new { article = jia.Id, lines = new[] { 1 }, role = "subheadline" });

        var after = await app.EditionAsync(day);
        Assert.Equal("戈壁滩上瓜果飘香", after.Articles.Single(a => a.Id == jia.Id).Subheadline);
        Assert.DoesNotContain(after.Articles, a => a.Headline == "戈壁滩上瓜果飘香");
        Assert.Equal(before.Articles.Count - 1, after.Articles.Count);

        var undone = await desk.PostAsync(day, "undo", new { });

        Assert.StartsWith("已撤销", undone.Message, StringComparison.Ordinal);
        var restored = await app.EditionAsync(day);
        Assert.Equal(Texts(before), Texts(restored));
        Assert.Null(restored.Articles.Single(a => a.Id == jia.Id).Subheadline);
        var fragment = restored.Articles.Single(a => a.Headline == "戈壁滩上瓜果飘香");
        Assert.Equal(before.Articles.Single(a => a.Headline == "戈壁滩上瓜果飘香").Regions.Single().Polygon, fragment.Regions.Single().Polygon);
        Assert.Equal(["assign-lines", "undo"], (await app.AuditActionsAsync(day)).TakeLast(2));
    }

    [Fact]
    public async Task One_line_paragraphs_are_joined_as_the_page_prints_them()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var bing = await ArticleAsync(day, "市民公园");

        var answer = await desk.PostAsync(day, $"articles/{bing.Id}/join-lines", new { page = "01" });

        Assert.Contains("4段成了1段", answer.Message, StringComparison.Ordinal);
        Assert.Equal(["市民公园近日新建了一条环湖健身步道，全长三公里，吸引了不少晨练的市民，早晚人流不断。"], (await app.EditionAsync(day)).Articles.Single(a => a.Id == bing.Id).Paragraphs);
    }

    [Fact]
    public async Task A_photo_made_photo_news_takes_its_caption_and_credit_and_leaves_its_story()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var jia = await ArticleAsync(day, "河西走廊");
        var photo = jia.Images.Single();

        var answer = await desk.PostAsync(day, $"images/{photo.Id}/photo-news", new { });

        var after = await app.EditionAsync(day);
        var news = after.Articles.Single(a => a.Id == answer.Select);
        Assert.Equal(ArticleKind.PhotoNews, news.Kind);
        Assert.Equal("丰收图片的说明文字", news.Headline);
        Assert.Equal("本报记者 李四", news.Byline);
        Assert.Equal("丰收图片的说明文字。", news.Images.Single().Caption);
        Assert.Empty(after.Articles.Single(a => a.Id == jia.Id).Images);
        // The new item follows its story in reading order and has a region over the photo and its caption.
        Assert.Equal(after.Articles.Single(a => a.Id == jia.Id).Order + 1, news.Order);
        Assert.True(news.Regions.Single().Polygon.Contains(0.5, 0.325));
    }

    [Fact]
    public async Task A_region_drawn_on_the_page_becomes_an_article_of_the_text_inside_it()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var count = (await app.EditionAsync(day)).Articles.Count;

        var answer = await desk.PostAsync(day, "pages/01/articles", new { polygon = new[] { new[] { 0.03, 0.61 }, new[] { 0.4, 0.61 }, new[] { 0.4, 0.66 }, new[] { 0.03, 0.66 } } });

        var after = await app.EditionAsync(day);
        Assert.Equal(count + 1, after.Articles.Count);
        var created = after.Articles.Single(a => a.Id == answer.Select);
        // The line set larger than the rest is its headline.
        Assert.Equal("新设便民服务点", created.Headline);
        Assert.Equal(["另有一段谁都没有的文字内容"], created.Paragraphs);
        Assert.Equal(0.61, created.Regions.Single().Polygon.Bounds.Top, 3);
    }

    [Fact]
    public async Task A_deleted_article_comes_back_with_its_text_regions_and_place_when_undone()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var before = await app.EditionAsync(day);
        var yi = before.Articles.Single(a => a.Headline.StartsWith("黄河岸边", StringComparison.Ordinal));

        var deleted = await desk.SendAsync(HttpMethod.Delete, day, $"articles/{yi.Id}");
        Assert.Contains("可以按“撤销”找回", deleted.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await app.EditionAsync(day)).Articles, a => a.Headline == yi.Headline);

        await desk.PostAsync(day, "undo", new { });

        var restored = await app.EditionAsync(day);
        Assert.Equal(Texts(before), Texts(restored));
        Assert.Equal(
            before.Articles.OrderBy(a => a.Order).Select(a => a.Headline),
            restored.Articles.OrderBy(a => a.Order).Select(a => a.Headline));
    }

    [Fact]
    public async Task An_undo_over_someone_elses_later_change_is_refused_and_changes_nothing()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var bing = await ArticleAsync(day, "市民公园");
        await desk.PostAsync(day, $"articles/{bing.Id}/join-lines", new { page = "01" });
        // Then the article is given another kind, which is undoable too, and then its text joined back is split …
        await desk.PostAsync(day, $"articles/{bing.Id}/kind", new { kind = "Briefs" });
        await desk.PostAsync(day, "undo", new { });
        // … the kind change is undone; now someone changes the joined article's text directly.
        var form = await desk.Client.FormAsync($"/desk/articles/{bing.Id}", "Save");
        using var saved = await desk.Client.PostAsync(form, new Dictionary<string, string?> { ["Form.Body"] = "另写的一段。" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var before = await app.EditionAsync(day);

        var refused = await desk.SendRawAsync(HttpMethod.Post, day, "undo", new { });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不能撤销", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Texts(before), Texts(await app.EditionAsync(day)));
    }

    [Fact]
    public async Task The_review_page_lists_what_needs_a_look_worst_first_and_a_checked_article_keeps_only_the_facts()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var url = $"/desk/{LayoutDeskFactory.Slug}/{day:yyyy-MM-dd}/01";

        var doc = await desk.Client.GetAsync(url);

        var kinds = doc.QuerySelectorAll(".doubt-list .doubt-go").Select(b => b.GetAttribute("data-kind")).ToList();
        Assert.Contains("NoText", kinds);
        Assert.Contains("Fragmented", kinds);
        Assert.Contains("UnclaimedText", kinds);
        var severities = doc.QuerySelectorAll(".doubt-list li").Select(li => li.ClassName).ToList();
        Assert.Equal(severities.OrderBy(c => c!.Contains("sev-high", StringComparison.Ordinal) ? 0 : c.Contains("sev-mid", StringComparison.Ordinal) ? 1 : 2), severities);
        var unclaimed = doc.QuerySelector(".doubt-go[data-kind='UnclaimedText']")!;
        Assert.Contains("不属于任何文章", unclaimed.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("0.05,0.64,", unclaimed.GetAttribute("data-box"), StringComparison.Ordinal);
        Assert.Contains("另有一段", unclaimed.TextContent, StringComparison.Ordinal);

        var bing = await ArticleAsync(day, "市民公园");
        await desk.PostAsync(day, $"articles/{bing.Id}/checked", new { });
        var checkedDoc = await desk.Client.GetAsync(url);
        // Checked, the article's one-line paragraphs are still listed: they are a fact about the page, not a judgement.
        Assert.Contains(checkedDoc.QuerySelectorAll(".doubt-go[data-kind='Fragmented']"), b => b.GetAttribute("data-article") == bing.Id.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_region_drawn_round_another_article_gives_it_up_in_one_step_and_undo_takes_it_back()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var url = $"/desk/{LayoutDeskFactory.Slug}/{day:yyyy-MM-dd}/01";
        var (jia, fragment) = (await ArticleAsync(day, "河西走廊"), await ArticleAsync(day, "戈壁滩"));
        Assert.Contains(jia.Regions, r => r.Polygon.Contains(0.3, 0.0975));

        // The overlap is flagged with its fix: the larger region, 甲's, gives the shared part to the fragment inside it.
        var doc = await desk.Client.GetAsync(url);
        var fix = Assert.Single(doc.QuerySelectorAll(".doubt-fix[data-server=yield]"));
        Assert.Equal(jia.Id.ToString(CultureInfo.InvariantCulture), fix.GetAttribute("data-article"));
        Assert.Equal(fragment.Id.ToString(CultureInfo.InvariantCulture), fix.GetAttribute("data-other"));
        Assert.Contains("让给《戈壁滩上瓜果飘香》", fix.TextContent, StringComparison.Ordinal);

        // The other way round would leave the fragment no region at all: refused, nothing changes.
        var before = await app.EditionAsync(day);
        using (var refused = await desk.SendRawAsync(HttpMethod.Post, day, $"articles/{fragment.Id}/yield", new { other = jia.Id, page = "01" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("没有区域", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(Regions(before), Regions(await app.EditionAsync(day)));

        var answer = await desk.PostAsync(day, $"articles/{jia.Id}/yield", new { other = fragment.Id, page = "01" });

        Assert.Contains("让出了和《戈壁滩上瓜果飘香》重叠的部分", answer.Message, StringComparison.Ordinal);
        var after = await app.EditionAsync(day);
        var jiaNow = after.Articles.Single(a => a.Id == jia.Id);
        Assert.DoesNotContain(jiaNow.Regions, r => r.Polygon.Contains(0.3, 0.0975));
        // The rest of 甲 stays its own: its headline, its body and its photo.
        Assert.Contains(jiaNow.Regions, r => r.Polygon.Contains(0.3, 0.065));
        Assert.Contains(jiaNow.Regions, r => r.Polygon.Contains(0.1, 0.155));
        Assert.Contains(jiaNow.Regions, r => r.Polygon.Contains(0.45, 0.25));
        Assert.Equal(fragment.Regions.Single().Polygon, after.Articles.Single(a => a.Id == fragment.Id).Regions.Single().Polygon);
        Assert.Empty((await desk.Client.GetAsync(url)).QuerySelectorAll(".doubt-go[data-kind='Overlap']"));
        Assert.Contains("edit-regions", await app.AuditActionsAsync(day));

        await desk.PostAsync(day, "undo", new { });

        Assert.Equal(Regions(before), Regions(await app.EditionAsync(day)));
    }

    private static IReadOnlyList<string> Regions(Edition edition) =>
        [.. edition.Articles.OrderBy(a => a.Id).SelectMany(a => a.Regions.Select(r => $"{a.Id}: {r.Polygon}"))];

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

/// <summary>A signed-in editor's calls to the page-first endpoints of an edition, by its date.</summary>
internal sealed class PageEditClient(DeskClient client, string token, LayoutDeskFactory app)
{
    public DeskClient Client => client;

    public Task<Answer> PostAsync(DateOnly day, string path, object body) => SendAsync(HttpMethod.Post, day, path, body);

    public async Task<Answer> SendAsync(HttpMethod method, DateOnly day, string path, object? body = null)
    {
        using var response = await SendRawAsync(method, day, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<Answer>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, DateOnly day, string path, object? body)
    {
        var edition = (await app.EditionAsync(day)).Id;
        var request = new HttpRequestMessage(method, new Uri($"/desk/api/editions/{edition}/{path}", UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.Add("RequestVerificationToken", token);
        return await client.Http.SendAsync(request);
    }

    internal sealed record Answer(string Message, int? Select);
}
