using System.Globalization;
using System.Net;
using Broadsheet.Core.Model;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Broadsheet.Web.Tests;

/// <summary>
/// A split and a move of paragraphs made on the article page, then undone there with “撤销上一步”: the stories come
/// back as they were, and the desk says what it undid. The split is undone from the article it made, which the undo
/// takes away, so the editor lands on the edition instead of a page that no longer exists.
/// </summary>
public sealed class DeskArticleUndoTests(LayoutDeskFactory app) : IClassFixture<LayoutDeskFactory>
{
    [Fact]
    public async Task A_split_undone_from_the_article_it_made_puts_the_story_back_whole_and_lands_on_the_edition()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var yi = await ArticleAsync(day, "黄河岸边");
        var before = await app.EditionAsync(day);

        using (var split = await desk.SubmitAsync(Url(yi.Id), "Split", new Dictionary<string, string?> { ["at"] = "2", ["headline"] = "清淤工程昨日开工" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        }

        var created = await ArticleAsync(day, "清淤工程昨日开工");
        Assert.Equal(["黄河兰州段的清淤工程昨日正式开工，预计年底完成。"], created.Paragraphs);
        var offered = await desk.GetAsync(Url(created.Id));
        Assert.Contains("从第2段起拆出《清淤工程昨日开工》", offered.QuerySelector(".undo-panel")!.TextContent, StringComparison.Ordinal);

        using var undone = await desk.SubmitAsync(Url(created.Id), "Undo", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var landing = undone.Headers.Location!.OriginalString;
        Assert.Equal($"/desk/{LayoutDeskFactory.Slug}/{day:yyyy-MM-dd}", landing);
        var after = await app.EditionAsync(day);
        Assert.Equal(Texts(before), Texts(after));
        Assert.DoesNotContain(after.Articles, a => a.Headline == "清淤工程昨日开工");
        Assert.Contains("已撤销：从第2段起拆出《清淤工程昨日开工》", (await desk.GetAsync(landing)).QuerySelector(".desk-flash")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await app.RevisionsAsync(yi.Id), r => r.Summary == "撤销：从第2段起拆出《清淤工程昨日开工》");
        Assert.Equal(["split-article", "undo"], (await app.AuditActionsAsync(day)).TakeLast(2));
    }

    [Fact]
    public async Task Paragraphs_moved_to_another_story_go_back_to_their_place_when_the_move_is_undone()
    {
        var day = await app.NewEditionAsync();
        var desk = await SignInAsync();
        var (yi, bing) = (await ArticleAsync(day, "黄河岸边"), await ArticleAsync(day, "市民公园"));
        var before = await app.EditionAsync(day);

        // 丙's second and third paragraphs given to 乙.
        using (var moved = await desk.SubmitAsync(Url(bing.Id), "Move", new Dictionary<string, string?>
        {
            ["from"] = "2",
            ["to"] = "3",
            ["target"] = yi.Id.ToString(CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var middle = await app.EditionAsync(day);
        Assert.Equal(["市民公园近日新建了一条", "早晚人流不断。"], middle.Articles.Single(a => a.Id == bing.Id).Paragraphs);
        Assert.Equal(["环湖健身步道，全长三公里，", "吸引了不少晨练的市民，"], middle.Articles.Single(a => a.Id == yi.Id).Paragraphs.TakeLast(2));

        using var undone = await desk.SubmitAsync(Url(bing.Id), "Undo", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal(Url(bing.Id), undone.Headers.Location!.OriginalString);
        Assert.Equal(Texts(before), Texts(await app.EditionAsync(day)));
        var page = await desk.GetAsync(Url(bing.Id));
        Assert.Contains("已撤销：第2到3段移到了《黄河岸边开展清淤工程》", page.QuerySelector(".desk-flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["市民公园近日新建了一条", "环湖健身步道，全长三公里，", "吸引了不少晨练的市民，", "早晚人流不断。"],
            page.QuerySelectorAll("ol.paragraphs li").Select(li => li.TextContent.Trim()));
        Assert.Contains(await app.RevisionsAsync(yi.Id), r => r.Summary == "撤销：第2到3段移到了《黄河岸边开展清淤工程》");
    }

    private static string Url(int id) => string.Create(CultureInfo.InvariantCulture, $"/desk/articles/{id}");

    private static IReadOnlyList<string> Texts(Edition edition) =>
        [.. edition.Articles.OrderBy(a => a.Order).Select(a => ArticleSnapshot.Of(a))];

    private async Task<Article> ArticleAsync(DateOnly day, string headline) =>
        (await app.EditionAsync(day)).Articles.Single(a => a.Headline.StartsWith(headline, StringComparison.Ordinal));

    private async Task<DeskClient> SignInAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DeskSession.SignInAsync(client, LayoutDeskFactory.Editor, LayoutDeskFactory.Password);
        return new DeskClient(client);
    }
}
