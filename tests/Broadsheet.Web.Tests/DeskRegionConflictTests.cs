using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>
/// Two people at the desk on the same article: a change drawn over regions someone else saved since the page was
/// opened is refused instead of silently undoing theirs. (The article form's own check is in <see cref="DeskArticleEditingTests"/>.)
/// </summary>
public sealed class DeskRegionConflictTests(ReviewDeskFactory app) : IClassFixture<ReviewDeskFactory>
{
    [Fact]
    public async Task Regions_saved_over_a_later_save_by_someone_else_are_refused()
    {
        var first = await app.SignInAsync(ReviewDeskFactory.Editor);
        var second = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync("本市简讯");
        var page = await first.GetAsync("/desk/binjiang/2026-11-02/01");
        var seen = page.QuerySelector($".review-articles li[data-article='{id}']")!.GetAttribute("data-regions-version")!;
        var token = await first.TokenAsync();

        using var earlier = await second.PutRegionsAsync(id, "01", [[[0.1, 0.7], [0.9, 0.7], [0.9, 0.8], [0.1, 0.8]]], await second.TokenAsync(), seen);
        using var later = await first.PutRegionsAsync(id, "01", [[[0.2, 0.7], [0.8, 0.7], [0.8, 0.9], [0.2, 0.9]]], token, seen);

        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        Assert.Contains("有人改过这篇文章在第01版上的区域", (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var kept = Assert.Single((await app.ArticleAsync(id))!.Regions, r => r.Page.Label == "01");
        Assert.Equal("0.1,0.7 0.9,0.7 0.9,0.8 0.1,0.8", kept.Polygon.ToString());

        // The version the first save answered with is the one the page now shows, and it lets the next save through.
        var current = (await earlier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pages")[0].GetProperty("version").GetString();
        var reopened = await first.GetAsync("/desk/binjiang/2026-11-02/01");
        Assert.Equal(current, reopened.QuerySelector($".review-articles li[data-article='{id}']")!.GetAttribute("data-regions-version"));
        using var retried = await first.PutRegionsAsync(id, "01", [[[0.2, 0.7], [0.8, 0.7], [0.8, 0.9], [0.2, 0.9]]], token, current);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }
}
