using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>
/// The printed hierarchy in the text (issue 15, item 4): page 03's article has a sub-head, a run-in title, a caption and
/// a credit among its paragraphs; the database keeps them, the API names them, the reader styles them, and the
/// desk's text box shows them and keeps them when an editor saves.
/// </summary>
public sealed class ParagraphKindsTests(SectionedStoryFactory app) : IClassFixture<SectionedStoryFactory>
{
    private const string Url = "/binjiang/2026-11-02/03/1";

    [Fact]
    public async Task The_kinds_are_stored_and_read_back()
    {
        var article = await app.ArticleAsync(await app.ArticleIdAsync(SectionedStoryFactory.Headline));

        Assert.Equal(SectionedStoryFactory.Body, article!.Body);
    }

    [Fact]
    public async Task The_api_gives_each_paragraph_with_its_kind_and_keeps_the_plain_strings()
    {
        using var response = await app.NewClient().GetAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var article = json.RootElement.GetProperty("pages")[2].GetProperty("articles")[0];

        Assert.Equal(SectionedStoryFactory.Body.Select(p => p.Text), article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        var body = article.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal(["body", "subhead", "body", "caption", "credit"], body.Select(p => p.GetProperty("kind").GetString()));
        Assert.Equal(SectionedStoryFactory.Body.Select(p => p.Text), body.Select(p => p.GetProperty("text").GetString()));
        Assert.Equal([null, null, "【现场】", null, null], body.Select(p => p.GetProperty("lead").GetString()));
    }

    [Fact]
    public async Task The_article_view_shows_the_sub_head_as_a_heading_the_run_in_title_bold_and_the_caption_as_a_caption()
    {
        var doc = await app.NewClient().GetDocumentAsync(Url);

        var text = doc.QuerySelector(".article-body")!;
        Assert.Equal(["一、走进社区"], text.QuerySelectorAll("h2.subhead").Texts());
        Assert.Equal(["【现场】"], text.QuerySelectorAll("p strong.run-in").Texts());
        Assert.Equal(["宣传员向市民发放资料。"], text.QuerySelectorAll("p.caption").Texts());
        Assert.Equal(["记者 林一 摄"], text.QuerySelectorAll("p.credit").Texts());
        // Reading aloud numbers every paragraph as the page text API does, the sub-head included.
        Assert.Equal(["0", "1", "2", "3", "4"], text.QuerySelectorAll("[data-p]").Select(e => e.GetAttribute("data-p")!));
    }

    [Fact]
    public async Task The_desks_text_box_shows_the_kinds_and_a_save_keeps_them_and_takes_new_ones()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync(SectionedStoryFactory.Headline);
        var form = await desk.GetAsync($"/desk/articles/{id}");
        var box = ((AngleSharp.Html.Dom.IHtmlTextAreaElement)form.QuerySelector("textarea[name='Form.Body']")!).Value;
        Assert.Contains("[小标题] 一、走进社区", box, StringComparison.Ordinal);
        Assert.Contains("**【现场】**广场上设立了咨询台。", box, StringComparison.Ordinal);

        // A save that changes only the headline keeps every kind.
        using (var saved = await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?> { ["Form.Headline"] = SectionedStoryFactory.Headline + "（修改）" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(SectionedStoryFactory.Body, (await app.ArticleAsync(id))!.Body);

        // An editor types a new sub-head in the box.
        using (var saved = await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?> { ["Form.Body"] = box + "\n\n[小标题] 二、走进校园\n\n活动还将走进学校。" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = (await app.ArticleAsync(id))!.Body;
        Assert.Equal(new Paragraph("二、走进校园", ParagraphKind.Subhead), after[^2]);
        Assert.Equal(ParagraphKind.Body, after[^1].Kind);
        var reader = await app.NewClient().GetDocumentAsync(Url);
        Assert.Equal(["一、走进社区", "二、走进校园"], reader.QuerySelectorAll(".article-body h2.subhead").Texts());
    }
}

/// <summary>The review desk whose page 03 article has a sub-head, a run-in title, a caption and a credit in its text.</summary>
public sealed class SectionedStoryFactory : ReviewDeskFactory
{
    public const string Headline = "平安建设宣传月启动";

    public static readonly Paragraph[] Body =
    [
        "全市平安建设宣传月活动昨日启动。",
        new("一、走进社区", ParagraphKind.Subhead),
        new("【现场】广场上设立了咨询台。", ParagraphKind.Body, 4),
        new("宣传员向市民发放资料。", ParagraphKind.Caption),
        new("记者 林一 摄", ParagraphKind.Credit),
    ];

    protected override async Task AfterSeedAsync()
    {
        await base.AfterSeedAsync();
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var article = await db.Articles.SingleAsync(a => a.Headline == Headline);
        article.Apply(new ArticleContent { Headline = Headline, Paragraphs = Body });
        await db.SaveChangesAsync();
    }
}
