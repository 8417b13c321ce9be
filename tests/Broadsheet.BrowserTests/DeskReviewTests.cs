using System.Globalization;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests;

/// <summary>
/// An editor signs in, drags a vertex of an article's region on the review page and saves, merges another
/// article into it on the article page, and a reader then sees both changes on the page view and the article.
/// </summary>
public sealed class DeskReviewTests(DeskLiveServer server) : IClassFixture<DeskLiveServer>
{
    [Fact]
    public async Task Drag_a_vertex_and_merge_two_articles_then_see_both_in_the_reader()
    {
        await using var context = await NewContextAsync();
        var page = await SignInAsync(context);

        // The review page of page 01: the first article with a region is kept; the next one with text is merged into it.
        await page.GotoAsync("/desk/binjiang/2026-11-02/01");
        var placed = page.Locator(".review-articles li:has(.regions-count)");
        var ids = new List<string>();
        for (var i = 0; i < await placed.CountAsync(); i++)
        {
            ids.Add((await placed.Nth(i).GetAttributeAsync("data-article"))!);
        }

        Assert.True(ids.Count >= 2, "page 01 of the sample edition has at least two articles with regions");
        var keptId = ids[0];
        string? absorbedId = null;
        var absorbedLast = "";
        foreach (var id in ids.Skip(1))
        {
            await page.GotoAsync($"/desk/articles/{id}");
            var body = (await page.Locator("textarea[name='Form.Body']").InputValueAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            if (body.Length > 0)
            {
                (absorbedId, absorbedLast) = (id, body[^1].Trim());
                break;
            }
        }

        Assert.NotNull(absorbedId);
        await page.GotoAsync("/desk/binjiang/2026-11-02/01");
        await Assertions.Expect(page.Locator(".review-toolbar")).ToBeVisibleAsync();
        await page.Locator(".review-image").EvaluateAsync("img => img.complete || new Promise(r => img.addEventListener('load', r))");
        var kept = page.Locator($".review-articles li[data-article='{keptId}']");
        var keptTitle = (await kept.Locator(".title").TextContentAsync())!.Trim();
        var absorbedTitle = (await page.Locator($".review-articles li[data-article='{absorbedId}'] .title").TextContentAsync())!.Trim();

        await kept.Locator(".pick").ClickAsync();
        var region = page.Locator($".review-regions polygon.current[data-article='{keptId}']");
        var before = Points(await region.GetAttributeAsync("points"));
        var vertex = page.Locator(".review-handles .vertex[data-region='0'][data-vertex='0']");
        await vertex.ScrollIntoViewIfNeededAsync();
        var box = (await vertex.BoundingBoxAsync())!;
        var sheet = (await page.Locator(".review-sheet").BoundingBoxAsync())!;
        var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.MoveAsync((float)x, (float)y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(x + 20), (float)(y + 10), new() { Steps = 4 });
        await page.Mouse.MoveAsync((float)(x + 40), (float)(y + 24), new() { Steps = 4 });
        await page.Mouse.UpAsync();

        var dragged = Points(await region.GetAttributeAsync("points"));
        Assert.Equal(before.Count, dragged.Count);
        Assert.InRange(dragged[0].X - before[0].X, 36 / sheet.Width, 44 / sheet.Width);
        Assert.InRange(dragged[0].Y - before[0].Y, 20 / sheet.Height, 28 / sheet.Height);
        Assert.Equal(before.Skip(1), dragged.Skip(1));
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("未保存");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-review-1366") });
        await Axe.AssertNoViolationsAsync(page, "desk review page");

        await page.Locator("[data-action=save]").ClickAsync();
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("已保存");
        var saved = Points(await region.GetAttributeAsync("points"));
        AssertClose(dragged, saved);

        // The article page: merge the other one into the article whose region was dragged (the desk asks first).
        await page.GotoAsync($"/desk/articles/{keptId}");
        await page.Locator("select[name=other]").SelectOptionAsync(absorbedId!);
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await page.Locator("form[action$='handler=Merge'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".desk-flash")).ToContainTextAsync(absorbedTitle);
        Assert.Contains(asked, m => m.Contains("确定合并", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".revisions li strong").First).ToHaveTextAsync($"并入了《{absorbedTitle}》");
        await Assertions.Expect(page.Locator(".revisions .diff .add").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-article-1366") });
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-article-1366-full"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page, "desk article page");

        // The reader: the moved vertex on the page image, the other article gone, its text in the kept one.
        await page.GotoAsync("/binjiang/2026-11-02/01");
        var hotspot = page.Locator($"a.hotspot[aria-label='{keptTitle}']");
        var polygons = hotspot.Locator("polygon");
        Assert.True(await polygons.CountAsync() >= 2, "the merged article has its own region and the absorbed one's");
        AssertClose(saved, Points(await polygons.First.GetAttributeAsync("points")));
        Assert.Equal(0, await page.Locator($"a.hotspot[aria-label='{absorbedTitle}']").CountAsync());
        await page.GotoAsync((await hotspot.GetAttributeAsync("href"))!);
        await Assertions.Expect(page.Locator("h1.headline")).ToHaveTextAsync(keptTitle);
        await Assertions.Expect(page.Locator(".article-body p").Last).ToHaveTextAsync(absorbedLast);
    }

    [Fact]
    public async Task Draw_a_rectangle_delete_a_vertex_by_keyboard_undo_and_save_a_new_region()
    {
        await using var context = await NewContextAsync();
        var page = await SignInAsync(context);

        await page.GotoAsync("/desk/binjiang/2026-11-02/02");
        await Assertions.Expect(page.Locator(".review-toolbar")).ToBeVisibleAsync();
        var item = page.Locator(".review-articles li:has(.regions-count)").First;
        var id = (await item.GetAttributeAsync("data-article"))!;
        var title = (await item.Locator(".title").TextContentAsync())!.Trim();
        await item.Locator(".pick").ClickAsync();
        var regions = page.Locator($".review-regions polygon[data-article='{id}']");
        var before = await regions.CountAsync();

        // A rectangle dragged in the page's bottom margin, where no region lies.
        await page.Locator("[data-action=draw]").ClickAsync();
        var sheet = (await page.Locator(".review-sheet").BoundingBoxAsync())!;
        var (left, top) = (sheet.X + (sheet.Width * 0.2), sheet.Y + (sheet.Height * 0.955));
        await page.Mouse.MoveAsync((float)left, (float)top);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(left + 120), (float)(top + 12), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(regions).ToHaveCountAsync(before + 1);
        var drawn = regions.Nth(before);
        Assert.Equal(4, Points(await drawn.GetAttributeAsync("points")).Count);

        // Its last vertex, chosen with the keyboard, deleted with the Delete key, then undone and deleted again.
        var vertex = page.Locator($".review-handles .vertex[data-region='{before}'][data-vertex='3']");
        await vertex.FocusAsync();
        await page.Keyboard.PressAsync("Delete");
        Assert.Equal(3, Points(await drawn.GetAttributeAsync("points")).Count);
        await page.Keyboard.PressAsync("Control+z");
        Assert.Equal(4, Points(await drawn.GetAttributeAsync("points")).Count);
        await page.Locator($".review-handles .vertex[data-region='{before}'][data-vertex='3']").FocusAsync();
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.PressAsync("Delete");
        Assert.Equal(3, Points(await drawn.GetAttributeAsync("points")).Count);
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("至少要有 3 个顶点");

        await page.Locator("[data-action=save]").ClickAsync();
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("已保存");
        await page.GotoAsync("/binjiang/2026-11-02/02");
        await Assertions.Expect(page.Locator($"a.hotspot[aria-label='{title}'] polygon")).ToHaveCountAsync(before + 1);
        Assert.Equal(3, Points(await page.Locator($"a.hotspot[aria-label='{title}'] polygon").Nth(before).GetAttributeAsync("points")).Count);
    }

    [Fact]
    public async Task A_region_saved_over_someone_elses_later_save_is_refused_with_a_message()
    {
        // Two editors' browsers on the same page; the first to save wins, the second is told and nothing of theirs is written.
        await using var firstContext = await NewContextAsync();
        await using var secondContext = await NewContextAsync();
        var first = await SignInAsync(firstContext);
        var second = await SignInAsync(secondContext);
        foreach (var editor in new[] { first, second })
        {
            await editor.GotoAsync("/desk/binjiang/2026-11-02/03");
            await Assertions.Expect(editor.Locator(".review-toolbar")).ToBeVisibleAsync();
            await editor.Locator(".review-image").EvaluateAsync("img => img.complete || new Promise(r => img.addEventListener('load', r))");
        }

        var id = (await first.Locator(".review-articles li:has(.regions-count)").First.GetAttributeAsync("data-article"))!;
        await DragFirstVertexAsync(first, id, 30);
        await first.Locator("[data-action=save]").ClickAsync();
        await Assertions.Expect(first.Locator(".review-status")).ToContainTextAsync("已保存");
        var savedByFirst = await first.Locator($".review-regions polygon[data-article='{id}']").First.GetAttributeAsync("points");

        await DragFirstVertexAsync(second, id, -30);
        await second.Locator("[data-action=save]").ClickAsync();
        await Assertions.Expect(second.Locator(".review-status")).ToContainTextAsync("没有保存");
        await Assertions.Expect(second.Locator(".review-status")).ToContainTextAsync("有人改过这篇文章在第03版上的区域");
        await second.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-review-conflict-1366") });

        await second.ReloadAsync();
        AssertClose(Points(savedByFirst), Points(await second.Locator($".review-regions polygon[data-article='{id}']").First.GetAttributeAsync("points")));
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = "zh-CN",
            BaseURL = server.BaseAddress.ToString(),
        });
        // Two cores shared with builds: give slow moments room, without hiding a step that never happens.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/desk/login");
        await page.Locator("input[name=userName]").FillAsync(DeskLiveServer.Editor);
        await page.Locator("input[name=password]").FillAsync(DeskLiveServer.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync("/desk");
        return page;
    }

    /// <summary>Selects the article and drags its first region's first vertex <paramref name="dx"/> pixels sideways.</summary>
    private static async Task DragFirstVertexAsync(IPage page, string articleId, int dx)
    {
        await page.Locator($".review-articles li[data-article='{articleId}'] .pick").ClickAsync();
        var vertex = page.Locator(".review-handles .vertex[data-region='0'][data-vertex='0']");
        await vertex.ScrollIntoViewIfNeededAsync();
        var box = (await vertex.BoundingBoxAsync())!;
        var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.MoveAsync((float)x, (float)y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(x + dx), (float)(y + 10), new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("未保存");
    }

    private static List<(double X, double Y)> Points(string? text) =>
        [.. text!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split(','))
            .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))];

    private static void AssertClose(IReadOnlyList<(double X, double Y)> expected, IReadOnlyList<(double X, double Y)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.InRange(actual[i].X, expected[i].X - 1e-4, expected[i].X + 1e-4);
            Assert.InRange(actual[i].Y, expected[i].Y - 1e-4, expected[i].Y + 1e-4);
        }
    }
}
