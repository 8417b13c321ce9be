using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Broadsheet.Web.Tests;

/// <summary>
/// The audit log as an admin reads it after a night at the desk: every action and every detail in the desk's words
/// (“《…》并入《…》”, “第01版”), none of the log's codes or English (“merge-articles”, “pages 01”, “WrongText”).
/// </summary>
public sealed partial class DeskAuditLogTests(LayoutDeskFactory app) : IClassFixture<LayoutDeskFactory>
{
    private const string Chief = "audit-chief";

    [Fact]
    public async Task A_nights_changes_read_in_the_desks_words_in_the_audit_log()
    {
        var day = await app.NewEditionAsync();
        var editor = await SignInAsync(LayoutDeskFactory.Editor, LayoutDeskFactory.Password);
        var edition = (await app.EditionAsync(day)).Articles;
        int Id(string headline) => edition.Single(a => a.Headline.StartsWith(headline, StringComparison.Ordinal)).Id;
        var (jia, fragment, yi, bing) = (Id("河西走廊"), Id("戈壁滩"), Id("黄河岸边"), Id("市民公园"));
        var editionUrl = $"/desk/{LayoutDeskFactory.Slug}/{day:yyyy-MM-dd}";

        // The article page's changes, a region saved on the review page, lines given on the page, an undo.
        await SubmitAsync(editor, Article(jia), "Merge", new() { ["other"] = Text(fragment) });
        await SubmitAsync(editor, Article(yi), "Split", new() { ["at"] = "2", ["headline"] = "清淤工程昨日开工" });
        await SubmitAsync(editor, Article(bing), "Move", new() { ["from"] = "1", ["to"] = "1", ["target"] = Text(jia) });
        using (var put = await editor.PutRegionsAsync(jia, "01", [[[0.04, 0.04], [0.62, 0.04], [0.62, 0.34], [0.04, 0.34]]], await editor.TokenAsync()))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var pageEdits = new PageEditClient(editor, await editor.TokenAsync(), app);
        await pageEdits.PostAsync(day, "pages/01/lines", new { article = yi, lines = new[] { 14 }, role = "headline" });
        await pageEdits.PostAsync(day, "undo", new { });

        // Published, a reader's report dealt with, withdrawn.
        await SubmitAsync(editor, editionUrl, "Publish", new());
        using (var sent = await app.NewClient().PostAsync(
            new Uri($"/{LayoutDeskFactory.Slug}/{day:yyyy-MM-dd}/01/1/report", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "WrongText", ["note"] = "标题错了一个字" })))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        await SubmitAsync(editor, "/desk/reports", "Resolve", new());
        await SubmitAsync(editor, editionUrl, "Withdraw", new());

        await DeskSession.CreateUserAsync(app.Services, Chief, DeskRoles.Admin);
        var chief = await SignInAsync(Chief, DeskSession.Password);
        var log = await chief.GetAsync($"/desk/admin/audit?publication={LayoutDeskFactory.Slug}");

        var rows = log.QuerySelectorAll(".audit-table tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            return (Code: tr.QuerySelector("td[data-action]")!.GetAttribute("data-action")!, Action: cells[2], Details: cells[5]);
        }).ToList();
        string DetailsOf(string code) => Assert.Single(rows, r => r.Code == code).Details;

        Assert.Equal(
            ["合并文章", "拆分文章", "移动段落", "修改区域", "在版面上归文字", "撤销", "发布", "处理读者报告", "撤回"],
            rows.Select(r => r.Action).Reverse());
        Assert.Equal("《戈壁滩上瓜果飘香》并入《河西走廊迎来丰收季》", DetailsOf("merge-articles"));
        Assert.Equal("从第2段起拆出《清淤工程昨日开工》", DetailsOf("split-article"));
        Assert.Equal("第1段移到《河西走廊迎来丰收季》", DetailsOf("move-paragraphs"));
        Assert.Equal("第01版", DetailsOf("edit-regions"));
        Assert.Equal("第01版上的1行作主题", DetailsOf("assign-lines"));
        Assert.StartsWith("把版面上的1行文字给了《", DetailsOf("undo"), StringComparison.Ordinal);
        Assert.Equal("文字有误", DetailsOf("resolve-report"));
        // Nothing in English: no code for an action, no English word in a detail.
        Assert.All(rows, r => Assert.DoesNotMatch(Latin(), r.Action + r.Details));
    }

    private static string Article(int id) => string.Create(CultureInfo.InvariantCulture, $"/desk/articles/{id}");

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task SubmitAsync(DeskClient client, string url, string handler, Dictionary<string, string?> values)
    {
        using var response = await client.SubmitAsync(url, handler, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} on {url}: {(int)response.StatusCode}");
    }

    private async Task<DeskClient> SignInAsync(string user, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DeskSession.SignInAsync(client, user, password);
        return new DeskClient(client);
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
