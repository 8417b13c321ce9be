using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>An editor corrects an article at the desk and readers see the correction at once, never any markup typed in.</summary>
public sealed class DeskArticleEditingTests(ReviewDeskFactory app) : IClassFixture<ReviewDeskFactory>
{
    private const string Script = "<script>alert(1)</script>";
    private const string BadImage = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task Edited_fields_show_in_the_reader_at_once_and_the_revision_lists_the_diff()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var reader = app.NewClient();
        var id = await app.ArticleIdAsync("平安建设宣传月启动");
        var before = await reader.GetDocumentAsync("/binjiang/2026-11-02/03/1");
        Assert.Equal("平安建设宣传月启动", before.QuerySelector("h1")!.Text());
        using var first = await reader.GetAsync(new Uri("/binjiang/2026-11-02/03/1", UriKind.Relative));
        var oldTag = first.Headers.ETag!;

        using var saved = await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?>
        {
            ["Form.Kicker"] = "全民参与——",
            ["Form.Headline"] = "全市平安建设宣传月正式启动",
            ["Form.Byline"] = "本报记者 林一",
            ["Form.Body"] = "全市平安建设宣传月活动昨日启动。\n\n活动将持续到月底。",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await reader.GetDocumentAsync("/binjiang/2026-11-02/03/1");
        Assert.Equal("全市平安建设宣传月正式启动", after.QuerySelector("h1")!.Text());
        Assert.Equal("全民参与——", after.QuerySelector(".kicker")!.Text());
        Assert.Equal("本报记者 林一", after.QuerySelector(".byline")!.Text());
        Assert.Equal(["全市平安建设宣传月活动昨日启动。", "活动将持续到月底。"], after.QuerySelectorAll(".article-body p").Texts());
        // A browser or CDN holding the old page and revalidating it gets the corrected one, not a 304.
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri("/binjiang/2026-11-02/03/1", UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(oldTag);
        using var revalidated = await reader.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.NotEqual(oldTag, revalidated.Headers.ETag);

        var page = await desk.GetAsync($"/desk/articles/{id}");
        Assert.Equal("已保存，读者页面已更新。", page.QuerySelector(".desk-flash")!.Text());
        var revision = Assert.Single(page.QuerySelectorAll(".revisions li"));
        Assert.Contains(ReviewDeskFactory.Editor, revision.QuerySelector(".who")!.Text(), StringComparison.Ordinal);
        Assert.Equal(["- 主题: 平安建设宣传月启动"], revision.QuerySelectorAll(".diff .del").Texts());
        Assert.Equal(
            ["+ 引题: 全民参与——", "+ 主题: 全市平安建设宣传月正式启动", "+ 作者: 本报记者 林一", "+ 活动将持续到月底。"],
            revision.QuerySelectorAll(".diff .add").Texts());
        Assert.Single(await app.AuditAsync("edit-article"));
    }

    [Fact]
    public async Task A_save_over_a_change_made_after_the_form_was_opened_is_refused_until_the_editor_saves_again()
    {
        // The same editor at two desks (or two editors): both open the article, the second saves first.
        var first = await app.SignInAsync(ReviewDeskFactory.Editor);
        var second = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("秋日银杏染金城");
        var url = $"/desk/articles/{id}";
        var stale = await first.FormAsync(url, "Save");
        using (var saved = await second.SubmitAsync(url, "Save", new Dictionary<string, string?> { ["Form.Byline"] = "本报记者 先到" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var refused = await first.PostAsync(stale, new Dictionary<string, string?> { ["Form.Subheadline"] = "后到的副题" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith($"你打开这篇文章之后，{ReviewDeskFactory.Editor}在", page.QuerySelector(".desk-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("后到的副题", page.QuerySelector("input[name='Form.Subheadline']")!.GetAttribute("value"));
        Assert.Contains("+ 作者: 本报记者 先到", page.QuerySelectorAll(".revisions .diff .add").Texts());
        var kept = await second.GetAsync(url);
        Assert.Equal("本报记者 先到", kept.QuerySelector("input[name='Form.Byline']")!.GetAttribute("value"));
        Assert.Equal("", kept.QuerySelector("input[name='Form.Subheadline']")!.GetAttribute("value") ?? "");

        // Having read the other change in the revisions, the editor takes it in and saves again: the page now
        // carries the current version's fingerprint, so this save goes through.
        var form = page.QuerySelectorAll("form[method=post]").Single(f => f.GetAttribute("action")!.EndsWith("handler=Save", StringComparison.Ordinal));
        using var again = await first.PostAsync(form, new Dictionary<string, string?> { ["Form.Byline"] = "本报记者 先到" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var after = await first.GetAsync(url);
        Assert.Equal("后到的副题", after.QuerySelector("input[name='Form.Subheadline']")!.GetAttribute("value"));
        Assert.Equal("本报记者 先到", after.QuerySelector("input[name='Form.Byline']")!.GetAttribute("value"));
        Assert.Equal(2, after.QuerySelectorAll(".revisions li").Length);
    }

    [Fact]
    public async Task Script_and_event_handler_typed_into_every_field_never_reach_the_reader_as_markup()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync(TestEdition.Articles[0].Headline);
        string Typed(string text) => text + Script + BadImage;

        using var saved = await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?>
        {
            ["Form.Kicker"] = Typed("引题"),
            ["Form.Headline"] = Typed("口袋公园"),
            ["Form.Subheadline"] = Typed("副题"),
            ["Form.Byline"] = Typed("记者"),
            ["Form.Body"] = Typed("第一段") + "\n\n" + Typed("第二段") + "<a href=\"javascript:alert(1)\">链接</a>",
            ["Form.Captions[0]"] = Typed("图片说明"),
            ["Form.Credits[0]"] = Typed("摄影"),
            ["Form.CorrectionNote"] = Typed("<p>更正：面积应为三点二万平方米。</p>") + "<a href=\"javascript:alert(1)\">坏链接</a> <a href=\"https://example.org/notice\">公告</a>",
            ["Form.ShowCorrection"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var url in new[] { "/binjiang/2026-11-02/01/1", "/binjiang/2026-11-02/01", "/binjiang/2026-11-02/02/1" })
        {
            var doc = await app.NewClient().GetDocumentAsync(url);
            AssertNoActiveMarkup(doc, url);
        }

        var article = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/1");
        Assert.StartsWith("口袋公园", article.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.StartsWith("图片说明", article.QuerySelector("figcaption")!.Text(), StringComparison.Ordinal);
        var correction = article.QuerySelector(".correction")!;
        Assert.Equal("更正", correction.QuerySelector("h2")!.Text());
        Assert.Contains("更正：面积应为三点二万平方米。", correction.QuerySelector(".correction-note p")!.Text(), StringComparison.Ordinal);
        // The note keeps its harmless link and loses the script URL.
        Assert.Equal(["https://example.org/notice"], correction.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!));
        AssertNoActiveMarkup(await desk.GetAsync($"/desk/articles/{id}"), "the desk's article page");
    }

    [Fact]
    public async Task A_correction_note_shows_with_its_date_until_the_box_is_unticked()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("地铁三号线二期开通试运营");

        using (await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?>
        {
            ["Form.CorrectionNote"] = "<p>本文原称新增车站<b>六座</b>，应为七座。</p>",
            ["Form.ShowCorrection"] = "true",
        }))
        {
        }

        var shown = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/2");
        var correction = shown.QuerySelector("aside.correction")!;
        Assert.Equal("六座", correction.QuerySelector(".correction-note b")!.Text());
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 星期.更正$", correction.QuerySelector(".correction-date")!.Text());

        using (await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?> { ["Form.ShowCorrection"] = null }))
        {
        }

        var hidden = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/2");
        Assert.Null(hidden.QuerySelector(".correction"));
        var history = await desk.GetAsync($"/desk/articles/{id}");
        Assert.Equal(2, history.QuerySelectorAll(".revisions li").Length);
        Assert.Contains("- 更正: <p>本文原称新增车站<b>六座</b>，应为七座。</p>", history.QuerySelectorAll(".diff .del").Texts());
    }

    [Fact]
    public async Task An_empty_headline_is_refused_with_the_typed_text_kept_and_nothing_saved()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("市政协召开专题协商会");

        using var response = await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?>
        {
            ["Form.Headline"] = " \t\u3000 ",
            ["Form.Byline"] = "新的作者",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = DeskClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("主题（标题）不能为空。", page.QuerySelector(".desk-error")!.Text());
        Assert.Equal("新的作者", page.QuerySelector("input[name='Form.Byline']")!.GetAttribute("value"));
        Assert.Equal("本报记者 周敏", (await app.ArticleAsync(id))!.Byline);
    }

    private static void AssertNoActiveMarkup(IDocument doc, string where)
    {
        // A script's text survives sanitising as plain text ("alert(1)"), so it may sit in the JSON-LD block as
        // data; what must never exist is a script a browser would run with it.
        var scripts = doc.QuerySelectorAll("script")
            .Where(s => s.GetAttribute("type") is null or "" or "module" or "text/javascript")
            .Where(s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal))
            .ToList();
        Assert.True(scripts.Count == 0, $"{where}: {string.Join("\n", scripts.Select(s => s.OuterHtml))}");
        Assert.True(doc.QuerySelectorAll("*").All(e => !e.HasAttribute("onerror")), $"{where}: an element with onerror");
        Assert.True(
            doc.QuerySelectorAll("[href], [src]").All(e => !(e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)),
            $"{where}: a javascript: URL");
        Assert.DoesNotContain(doc.QuerySelectorAll("img"), i => i.GetAttribute("src") == "x");
    }
}
