using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.DeskReviewPage;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The review page's tools on a generated edition, as an editor uses them: an article re-kinded, moved up in reading
/// order, deleted and brought back with “撤销上一步”; a block of text dragged onto another article; a photo
/// re-cropped by its corner; and the article editor warning before unsaved typing is left behind.
/// </summary>
public sealed class DeskPageToolsTests(DeskLiveServer server) : IClassFixture<DeskLiveServer>
{
    private const string Page = "/desk/binjiang/2026-11-02/04";

    [Fact]
    public async Task Re_kind_reorder_delete_and_undo_from_the_article_list()
    {
        var page = await OpenAsync();
        var first = page.Locator(".review-articles li[data-article]").First;
        var id = (await first.GetAttributeAsync("data-article"))!;
        var second = (await page.Locator(".review-articles li[data-article]").Nth(1).GetAttributeAsync("data-article"))!;

        // Re-kind: the list shows the new kind after the page comes back.
        await first.Locator(".pick").ClickAsync();
        await ReloadingAsync(page, () => first.Locator("select[data-article-kind]").SelectOptionAsync("Briefs"));
        await Assertions.Expect(page.Locator($".review-articles li[data-article='{id}'] .kind")).ToHaveTextAsync("简讯");
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("简讯");

        // The second article moved up is now the page's first.
        await page.Locator($".review-articles li[data-article='{second}'] .pick").ClickAsync();
        await ReloadingAsync(page, () => page.Locator($".review-articles li[data-article='{second}'] [data-article-action=up]").ClickAsync());
        await Assertions.Expect(page.Locator(".review-articles li[data-article]").First).ToHaveAttributeAsync("data-article", second);

        // Deleted (the desk asks), it is gone; undone, it is back where it was, under its own number.
        var title = (await page.Locator($".review-articles li[data-article='{id}'] .title").TextContentAsync())!.Trim();
        await page.Locator($".review-articles li[data-article='{id}'] .pick").ClickAsync();
        await ReloadingAsync(page, () => page.Locator($".review-articles li[data-article='{id}'] [data-article-action=delete]").ClickAsync());
        await Assertions.Expect(page.Locator(".review-articles .title", new() { HasTextString = title })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".review-undo")).ToContainTextAsync("删除了");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-review-undo-1366") });
        await ReloadingAsync(page, () => page.Locator(".review-undo [data-server=undo]").ClickAsync());
        await Assertions.Expect(page.Locator(".review-articles .title", new() { HasTextString = title })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("已撤销");
    }

    [Fact]
    public async Task A_block_of_text_dragged_onto_another_article_becomes_its_last_paragraph()
    {
        var page = await OpenAsync();
        var data = await DataAsync(page);
        var ids = (await page.Locator(".review-articles li[data-article]").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.article)")).ToList();
        // A block of body text held by one article, to give to another.
        var line = data.GetProperty("lines").EnumerateArray().Select((l, i) => (Line: l, Index: i))
            .First(x => x.Line.TryGetProperty("a", out var a) && x.Line.GetProperty("f").GetString() == "body" && ids.Contains(a.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var from = line.Line.GetProperty("a").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var to = ids.First(i => i != from);
        var block = line.Line.GetProperty("k").GetInt32();
        var blockLines = data.GetProperty("lines").EnumerateArray().Select((l, i) => (l, i)).Where(x => x.l.GetProperty("k").GetInt32() == block).Select(x => x.i).ToList();

        await page.Locator(".review-toolbar [data-action=text]").ClickAsync();
        var rect = page.Locator($"rect.line[data-line='{line.Index}']");
        await rect.ClickAsync();
        await Assertions.Expect(page.Locator(".review-pick .pick-count")).ToHaveTextAsync($"已选 {blockLines.Count} 行");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-review-text-1366") });
        var start = (await rect.BoundingBoxAsync())!;
        var target = (await page.Locator($".review-articles li[data-article='{to}'] .pick").BoundingBoxAsync())!;
        await ReloadingAsync(page, async () =>
        {
            await page.Mouse.MoveAsync(start.X + (start.Width / 2), start.Y + (start.Height / 2));
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(start.X + 40, start.Y + 40, new() { Steps = 5 });
            await page.Mouse.MoveAsync(target.X + 20, target.Y + (target.Height / 2), new() { Steps = 10 });
            await page.Mouse.UpAsync();
        });

        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("正文末尾");
        var after = await DataAsync(page);
        var owners = after.GetProperty("lines").EnumerateArray().Select((l, i) => (l, i)).Where(x => blockLines.Contains(x.i))
            .Select(x => x.l.TryGetProperty("a", out var a) ? a.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : null).Distinct().ToList();
        Assert.Equal([to], owners);
    }

    [Fact]
    public async Task A_photo_re_cropped_by_its_corner_keeps_its_new_frame()
    {
        await using var context = await NewContextAsync(server);
        var page = await SignInAsync(context);
        // The first page of the edition with a photo on it.
        string? found = null;
        foreach (var label in new[] { "01", "02", "03", "04" })
        {
            await page.GotoAsync($"/desk/binjiang/2026-11-02/{label}");
            await ReadyAsync(page);
            if ((await DataAsync(page)).GetProperty("photos").GetArrayLength() > 0)
            {
                found = label;
                break;
            }
        }

        Assert.NotNull(found);
        var photo = (await DataAsync(page)).GetProperty("photos")[0];
        var id = photo.GetProperty("id").GetInt32();
        var before = photo.GetProperty("points").EnumerateArray().Select(p => p[0].GetDouble()).Max();
        var mark = page.Locator($"polygon.photo[data-photo='{id}']");
        var box = (await mark.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Assertions.Expect(page.Locator(".review-photo")).ToBeVisibleAsync();
        var corner = (await page.Locator(".photo-corner.se").BoundingBoxAsync())!;
        await ReloadingAsync(page, async () =>
        {
            await page.Mouse.MoveAsync(corner.X + (corner.Width / 2), corner.Y + (corner.Height / 2));
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(corner.X - 20, corner.Y - 10, new() { Steps = 5 });
            await page.Mouse.MoveAsync(corner.X - 40, corner.Y - 20, new() { Steps = 5 });
            await page.Mouse.UpAsync();
        });

        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("图片范围已保存");
        var after = (await DataAsync(page)).GetProperty("photos").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.True(after.GetProperty("points").EnumerateArray().Select(p => p[0].GetDouble()).Max() < before - 0.01, "the photo's right edge moved left");
    }

    [Fact]
    public async Task The_page_comes_back_at_the_zoom_it_was_left_at_numbered_region_by_region_with_its_text_on_demand()
    {
        var page = await OpenAsync("/desk/binjiang/2026-11-02/03");

        // Every placed article's number stands on the page where its region starts, as in the list.
        var placed = await PlacedAsync(page);
        Assert.True(placed.Count > 0, "page 03 has placed articles");
        foreach (var id in placed)
        {
            var number = await page.Locator($".review-articles li[data-article='{id}']").GetAttributeAsync("data-number");
            await Assertions.Expect(page.Locator($".review-labels .region-label[data-article='{id}'] b")).ToHaveTextAsync(number!);
        }

        // The text layer only when asked for.
        await Assertions.Expect(page.Locator("g.lines rect.line")).ToHaveCountAsync(0);
        await page.Locator(".review-toolbar [data-action=text]").ClickAsync();
        Assert.True(await page.Locator("g.lines rect.line").CountAsync() > 0, "“文字行” shows the page's lines");
        await page.Locator(".review-toolbar [data-action=text]").ClickAsync();
        await Assertions.Expect(page.Locator("g.lines rect.line")).ToHaveCountAsync(0);

        // Zoomed in twice in the deep-zoom viewer, the page is reopened as it was left.
        Assert.True(await page.Locator("[data-review]").GetAttributeAsync("data-viewer") == "ready",
            "the page opened without deep zoom: OpenSeadragon comes from npm (`npm ci` in src/Broadsheet.Web, as scripts/install-deps does)");
        var whole = await SheetWidthAsync(page);
        await page.Locator(".review-toolbar [data-action=zoom-in]").ClickAsync();
        await page.Locator(".review-toolbar [data-action=zoom-in]").ClickAsync();
        await page.WaitForFunctionAsync(
            "w => document.querySelector('[data-review]').dataset.settled === 'true' && document.querySelector('.review-sheet').getBoundingClientRect().width > 2 * w", whole);
        var zoomed = await SheetWidthAsync(page);
        await page.ReloadAsync();
        await ReadyAsync(page);

        // The viewer moves the page's overlay on its next frame after restoring the view, so wait for that frame.
        await page.WaitForFunctionAsync(
            "w => Math.abs(document.querySelector('.review-sheet').getBoundingClientRect().width - w) <= 0.03 * w", zoomed);
        Assert.InRange(await SheetWidthAsync(page), zoomed * 0.97, zoomed * 1.03);
    }

    [Fact]
    public async Task A_region_drawn_for_an_article_left_without_one_is_labelled_on_the_page_and_stays_so_once_saved()
    {
        var page = await OpenAsync("/desk/binjiang/2026-11-02/02");
        var id = (await PlacedAsync(page))[^1];
        var item = page.Locator($".review-articles li[data-article='{id}']");
        var label = page.Locator($".review-labels .region-label[data-article='{id}']");
        await Assertions.Expect(label).ToHaveCountAsync(1);
        await item.Locator(".pick").ClickAsync();

        // Its regions deleted one by one and saved: no label is left standing on the page for it.
        var regions = page.Locator($".review-regions polygon[data-article='{id}']");
        while (await regions.CountAsync() > 0)
        {
            await page.Locator(".review-toolbar [data-action=delete-region]").ClickAsync();
        }

        await Assertions.Expect(label).ToHaveCountAsync(0);
        await page.Locator("[data-action=save]").ClickAsync();
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("已保存");

        // A rectangle drawn in the page's bottom margin: the label is at its corner at once, and after saving.
        await page.Locator("[data-action=draw]").ClickAsync();
        var sheet = (await page.Locator(".review-sheet").BoundingBoxAsync())!;
        var (left, top) = (sheet.X + (sheet.Width * 0.3), sheet.Y + (sheet.Height * 0.955));
        await page.Mouse.MoveAsync((float)left, (float)top);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(left + 120), (float)(top + 14), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(regions).ToHaveCountAsync(1);
        await Assertions.Expect(label).ToHaveCountAsync(1);
        await page.Locator("[data-action=save]").ClickAsync();
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("已保存");
        await Assertions.Expect(label).ToBeVisibleAsync();
        var at = (await label.BoundingBoxAsync())!;
        Assert.InRange(at.X, left - 4, left + 10);
        Assert.InRange(at.Y, top - 4, top + 10);
        await Assertions.Expect(item.Locator(".regions-count")).ToHaveTextAsync("1 个区域");
    }

    [Fact]
    public async Task Leaving_the_article_editor_with_unsaved_typing_asks_first()
    {
        await using var context = await NewContextAsync(server);
        var page = await SignInAsync(context);
        await page.GotoAsync(Page);
        await ReadyAsync(page);
        var id = (await page.Locator(".review-articles li[data-article]").First.GetAttributeAsync("data-article"))!;
        await page.GotoAsync($"/desk/articles/{id}");
        await Assertions.Expect(page.Locator(".article-page-picture").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-article-page-1366") });
        await Axe.AssertNoViolationsAsync(page, "desk article page with its page picture");

        await page.Locator("input[name='Form.Kicker']").FillAsync("没保存的引题");
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        };
        await page.Locator(".review-back a").First.ClickAsync();

        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.EndsWith($"/desk/articles/{id}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("input[name='Form.Kicker']")).ToHaveValueAsync("没保存的引题");
    }

    private async Task<IPage> OpenAsync(string url = Page)
    {
        var context = await NewContextAsync(server);
        var page = await SignInAsync(context);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(url);
        await ReadyAsync(page);
        return page;
    }

    /// <summary>The articles with a region on this page, in the list's order.</summary>
    private static async Task<IReadOnlyList<string>> PlacedAsync(IPage page) =>
        await page.Locator(".review-articles li[data-article]").EvaluateAllAsync<string[]>(
            "items => items.map(li => li.dataset.article).filter(id => document.querySelector(`.review-regions polygon[data-article=\"${id}\"]`))");

    private static async Task<double> SheetWidthAsync(IPage page) =>
        (await page.Locator(".review-sheet").BoundingBoxAsync())!.Width;

    private static async Task<JsonElement> DataAsync(IPage page) =>
        await page.EvaluateAsync<JsonElement>("() => JSON.parse(document.getElementById('review-data').textContent)");
}
