using System.Globalization;
using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.DeskReviewPage;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The review page's page-first tools as an editor uses them in the deep-zoom viewer, on a generated edition: text
/// lassoed on the page and given to an article; an article drawn with “新文章”; a fragment linked to its story by a
/// click on the page; a “需要检查” item that shows its place; and the safety around a draft: withdraw asks first, a
/// region saved on the draft does not claim readers saw it, leaving unsaved regions asks first.
/// </summary>
public sealed class DeskPageFirstTests(DeskLiveServer server) : IClassFixture<DeskLiveServer>
{
    private const string Edition = "/desk/binjiang/2026-11-02";

    [Fact]
    public async Task Text_lassoed_on_the_page_is_picked_line_by_line_and_given_to_the_selected_article()
    {
        var page = await OpenAsync($"{Edition}/02");
        var lines = await LinesAsync(page);
        var ids = await ArticleIdsAsync(page);
        // A block of body text of one article, of two lines or more, to give to another.
        var block = lines.Where(l => l.Owner is not null && ids.Contains(l.Owner) && l.Field == "body").GroupBy(l => l.Block)
            .First(g => g.Count() >= 2 && lines.Where(l => l.Block == g.Key).All(l => l.Owner == g.First().Owner));
        var taker = ids.First(id => id != block.First().Owner);
        var frame = Frame(block, 0.003);

        await page.Locator($".review-articles li[data-article='{taker}'] .pick").ClickAsync();
        await page.Locator(".review-toolbar [data-action=lasso]").ClickAsync();
        await Assertions.Expect(page.Locator(".review-toolbar [data-action=lasso]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".review-toolbar [data-action=text]")).ToHaveAttributeAsync("aria-pressed", "true");
        await DragAsync(page, frame);

        // Every line of the block is picked and marked, and nothing far outside the frame.
        await Assertions.Expect(page.Locator(".review-pick")).ToBeVisibleAsync();
        var picked = (await page.Locator("g.lines rect.line.picked").EvaluateAllAsync<int[]>("rects => rects.map(r => Number(r.dataset.line))")).ToHashSet();
        Assert.Superset(block.Select(l => l.Index).ToHashSet(), picked);
        Assert.All(picked, i => Assert.True(Inside(lines[i], Frame(block, 0.006)), $"line {i} “{lines[i].Text}” lies outside the lasso"));
        await Assertions.Expect(page.Locator(".review-pick .pick-count")).ToHaveTextAsync($"已选 {picked.Count} 行");
        await Assertions.Expect(page.Locator(".review-toolbar [data-action=lasso]")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-review-lasso-1366") });

        // Given as the end of the selected article's body: the lines are its own when the page comes back.
        await ReloadingAsync(page, () => page.Locator(".review-pick [data-role=body]:not([data-at])").ClickAsync());
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("正文末尾");
        var after = await LinesAsync(page);
        Assert.All(picked, i => Assert.Equal(taker, after[i].Owner));
    }

    [Fact]
    public async Task An_article_drawn_on_the_page_with_the_new_article_button_takes_the_text_inside_its_frame()
    {
        var page = await OpenAsync($"{Edition}/03");
        var lines = await LinesAsync(page);
        var ids = await ArticleIdsAsync(page);
        var block = lines.Where(l => l.Owner is not null && l.Field == "body").GroupBy(l => l.Block).First(g => g.Count() >= 2);
        var frame = Frame(block, 0.003);

        await page.Locator(".review-toolbar [data-action=new-article]").ClickAsync();
        await Assertions.Expect(page.Locator(".review-toolbar [data-action=new-article]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("拖出新文章的范围");
        await ReloadingAsync(page, () => DragAsync(page, frame));

        // The page comes back with the new article selected, its frame its region, the text inside it its own.
        var created = page.Locator(".review-articles li.selected[data-article]");
        await Assertions.Expect(created).ToHaveCountAsync(1);
        var id = (await created.GetAttributeAsync("data-article"))!;
        Assert.DoesNotContain(id, ids);
        var title = (await created.Locator(".title").TextContentAsync())!.Trim();
        Assert.NotEmpty(title);
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync($"已新建《{title}》");
        await Assertions.Expect(created.Locator(".regions-count")).ToHaveTextAsync("1 个区域");
        var after = await LinesAsync(page);
        Assert.All(block, l => Assert.Equal(id, after[l.Index].Owner));
        Assert.All(after.Where(l => l.Owner == id), l => Assert.True(Inside(l, Frame(block, 0.006)), $"line “{l.Text}” outside the frame went to the new article"));
    }

    [Fact]
    public async Task A_fragment_clicked_on_the_page_after_link_is_pressed_follows_the_story()
    {
        var page = await OpenAsync($"{Edition}/04");
        var placed = await PlacedAsync(page);
        Assert.True(placed.Count >= 2, "page 04 has two articles with regions");
        var (story, fragment) = (placed[0], placed[1]);
        var storyTitle = (await page.Locator($".review-articles li[data-article='{story}'] .title").TextContentAsync())!.Trim();
        var regions = await page.Locator($".review-regions polygon[data-article='{story}']").CountAsync()
            + await page.Locator($".review-regions polygon[data-article='{fragment}']").CountAsync();
        // The fragment's text (its headline gives way to the story's).
        var fragmentLines = (await LinesAsync(page)).Where(l => l.Owner == fragment && l.Field == "body").Select(l => l.Index).ToList();

        await page.Locator($".review-articles li[data-article='{story}'] .pick").ClickAsync();
        var link = page.Locator($".review-articles li[data-article='{story}'] [data-article-action=link]");
        await link.ClickAsync();
        await Assertions.Expect(link).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("现在点另一篇文章");

        // A click on the fragment's region on the page, where nothing else lies over it.
        var at = await page.EvaluateAsync<double[]?>("""
            id => {
                for (const polygon of document.querySelectorAll(`.review-regions polygon[data-article="${id}"]`)) {
                    const box = polygon.getBoundingClientRect();
                    for (let i = 1; i < 12; i++) {
                        for (let j = 1; j < 12; j++) {
                            const [x, y] = [box.left + box.width * i / 12, box.top + box.height * j / 12];
                            const under = document.elementFromPoint(x, y);
                            if (under?.closest(".review-regions polygon[data-article]")?.dataset.article === id) {
                                return [x, y];
                            }
                        }
                    }
                }
                return null;
            }
            """, fragment);
        Assert.NotNull(at);
        await ReloadingAsync(page, () => page.Mouse.ClickAsync((float)at[0], (float)at[1]));

        // The fragment is gone from the list; its regions and its text are the story's.
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync($"接到了《{storyTitle[..Math.Min(16, storyTitle.Length)]}");
        await Assertions.Expect(page.Locator($".review-articles li[data-article='{fragment}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($".review-regions polygon[data-article='{story}']")).ToHaveCountAsync(regions);
        var after = await LinesAsync(page);
        Assert.All(fragmentLines, i => Assert.Equal(story, after[i].Owner));
    }

    [Fact]
    public async Task A_doubt_clicked_in_the_list_shows_its_place_on_the_page_and_selects_its_article()
    {
        await using var context = await NewContextAsync(server);
        var page = await SignInAsync(context);
        // The first item of the edition's pages that points at a small place, well inside the page.
        ILocator? doubt = null;
        var where = "";
        foreach (var label in new[] { "01", "02", "03", "04" })
        {
            await page.GotoAsync($"{Edition}/{label}");
            await ReadyAsync(page);
            var items = page.Locator(".doubt-list .doubt-go[data-box]");
            for (var i = 0; i < await items.CountAsync(); i++)
            {
                var box = (await items.Nth(i).GetAttributeAsync("data-box"))!;
                var b = box.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                if (b[2] - b[0] <= 0.3 && b[3] - b[1] <= 0.3)
                {
                    (doubt, where) = (items.Nth(i), box);
                    break;
                }
            }

            if (doubt is not null)
            {
                break;
            }
        }

        Assert.True(doubt is not null, "no page of the sample edition lists a doubt about a small place");
        Assert.Equal("ready", await page.Locator("[data-review]").GetAttributeAsync("data-viewer"));
        var article = await doubt.GetAttributeAsync("data-article");
        var title = article is null ? null : (await page.Locator($".review-articles li[data-article='{article}'] .title").TextContentAsync())!.Trim();
        var whole = (double)(await page.Locator(".review-sheet").BoundingBoxAsync())!.Width;

        await doubt.ClickAsync();

        // The view zooms in on the place and shows it whole, in the middle of the viewer.
        const string View = """
            ([where, whole]) => {
                const [l, t, r, b] = where.split(",").map(Number);
                const root = document.querySelector("[data-review]");
                const sheet = document.querySelector(".review-sheet").getBoundingClientRect();
                const view = document.querySelector(".review-viewer").getBoundingClientRect();
                const [x1, y1, x2, y2] = [sheet.left + l * sheet.width, sheet.top + t * sheet.height, sheet.left + r * sheet.width, sheet.top + b * sheet.height];
                const inside = x1 >= view.left - 1 && x2 <= view.right + 1 && y1 >= view.top - 1 && y2 <= view.bottom + 1;
                const centred = Math.abs((x1 + x2) / 2 - (view.left + view.right) / 2) < view.width * 0.15
                    && Math.abs((y1 + y2) / 2 - (view.top + view.bottom) / 2) < view.height * 0.15;
                const seen = { settled: root.dataset.settled, zoom: sheet.width / whole, inside, centred, place: [x1, y1, x2, y2].map(Math.round), viewer: [view.left, view.top, view.right, view.bottom].map(Math.round) };
                return root.dataset.settled === "true" && sheet.width > whole * 1.5 && inside && centred ? "" : JSON.stringify(seen);
            }
            """;
        try
        {
            await page.WaitForFunctionAsync($"arg => ({View})(arg) === ''", new object[] { where, whole });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the view did not move to {where}: {await page.EvaluateAsync<string>(View, new object[] { where, whole })}");
        }

        await Assertions.Expect(page.Locator(".doubt.current .doubt-go")).ToHaveAttributeAsync("data-box", where);
        if (article is not null)
        {
            // A doubt about an article selects it, ready to fix.
            await Assertions.Expect(page.Locator($".review-articles li.selected[data-article='{article}']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".review-selected")).ToContainTextAsync($"选中：{title}");
        }
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-review-doubt-jump-1366") });
    }

    [Fact]
    public async Task Withdraw_asks_first_and_on_the_draft_a_saved_region_says_readers_cannot_see_it_and_leaving_unsaved_asks()
    {
        await using var context = await NewContextAsync(server);
        var page = await SignInAsync(context);
        var dialogs = new List<(string Type, string Message)>();
        var accept = false;
        var leaving = new TaskCompletionSource();
        var declined = new TaskCompletionSource();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add((dialog.Type, dialog.Message));
            }

            if (dialog.Type == "beforeunload")
            {
                leaving.TrySetResult();
            }

            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
            if (dialog.Type == "confirm" && !accept)
            {
                declined.TrySetResult();
            }
        };
        await page.GotoAsync(Edition);
        var status = page.Locator("[data-status]");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Published");
        var withdraw = page.Locator("form[action$='handler=Withdraw'] button[type=submit]");

        // “撤回” asks; answered no, the edition stays published and readers still have it.
        // Waiting for the answer itself, not for network idle: that wait once hung for 60 s in CI after the dialog closed.
        await withdraw.ClickAsync();
        await declined.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(dialogs, d => d.Type == "confirm" && d.Message.Contains("确定撤回", StringComparison.Ordinal));
        await page.ReloadAsync();
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Published");
        Assert.Equal(200, (await page.APIRequest.GetAsync("/binjiang/2026-11-02/01")).Status);

        // Answered yes, it is withdrawn.
        accept = true;
        await withdraw.ClickAsync();
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Withdrawn");
        Assert.Equal(2, dialogs.Count(d => d.Type == "confirm"));
        Assert.Equal(404, (await page.APIRequest.GetAsync("/binjiang/2026-11-02/01")).Status);

        // On the draft's review page, a region changed and not saved: leaving asks, and “stay” keeps the change.
        accept = false;
        await page.GotoAsync($"{Edition}/01");
        await ReadyAsync(page);
        var id = (await PlacedAsync(page))[0];
        await page.Locator($".review-articles li[data-article='{id}'] .pick").ClickAsync();
        var vertex = page.Locator(".review-handles .vertex[data-region='0'][data-vertex='0']");
        var handle = (await vertex.BoundingBoxAsync())!;
        var (x, y) = (handle.X + (handle.Width / 2), handle.Y + (handle.Height / 2));
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 15, y + 8, new() { Steps = 4 });
        await page.Mouse.MoveAsync(x + 30, y + 16, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("未保存");
        await page.Locator(".review-back a").ClickAsync();
        await leaving.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.EndsWith($"{Edition}/01", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("未保存");

        // Saved, the desk says readers cannot see it yet, and the page is left without a question.
        await page.Locator("[data-action=save]").ClickAsync();
        await Assertions.Expect(page.Locator(".review-status")).ToContainTextAsync("已保存（这一期还没发布，读者还看不到）");
        await Assertions.Expect(page.Locator(".review-status")).Not.ToContainTextAsync("读者页面已更新");
        await page.Locator(".review-back a").ClickAsync();
        await page.ArrivedAtAsync(Edition);
        Assert.Single(dialogs, d => d.Type == "beforeunload");
    }

    private sealed record Line(int Index, string Text, double L, double T, double R, double B, int Block, string? Owner, string? Field);

    /// <summary>The box round <paramref name="lines"/>, <paramref name="margin"/> wider on each side, in the page's 0..1 units.</summary>
    private static double[] Frame(IEnumerable<Line> lines, double margin) =>
        [lines.Min(l => l.L) - margin, lines.Min(l => l.T) - margin, lines.Max(l => l.R) + margin, lines.Max(l => l.B) + margin];

    private static bool Inside(Line line, double[] frame)
    {
        var (x, y) = ((line.L + line.R) / 2, (line.T + line.B) / 2);
        return x >= frame[0] && x <= frame[2] && y >= frame[1] && y <= frame[3];
    }

    /// <summary>
    /// Drags a rectangle over <paramref name="frame"/> (page units) on the sheet, from a corner where the press lands on
    /// the page itself (not on a region's label or a vertex, which take the press for themselves).
    /// </summary>
    private static async Task DragAsync(IPage page, double[] frame)
    {
        var ends = await page.EvaluateAsync<double[]?>("""
            ([l, t, r, b]) => {
                const sheet = document.querySelector(".review-sheet");
                const box = sheet.getBoundingClientRect();
                const at = (x, y) => [box.left + x * box.width, box.top + y * box.height];
                for (const [x1, y1, x2, y2] of [[l, t, r, b], [r, b, l, t], [r, t, l, b], [l, b, r, t]]) {
                    const [sx, sy] = at(x1, y1);
                    const under = document.elementFromPoint(sx, sy);
                    if (under && sheet.contains(under) && !under.closest(".review-labels, .review-handles, .photo-handles")) {
                        return [sx, sy, ...at(x2, y2)];
                    }
                }
                return null;
            }
            """, frame);
        Assert.True(ends is not null, "every corner of the frame is covered by a label or a handle");
        await page.Mouse.MoveAsync((float)ends[0], (float)ends[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)((ends[0] + ends[2]) / 2), (float)((ends[1] + ends[3]) / 2), new() { Steps = 5 });
        await page.Mouse.MoveAsync((float)ends[2], (float)ends[3], new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private static async Task<IReadOnlyList<Line>> LinesAsync(IPage page)
    {
        var data = await page.EvaluateAsync<JsonElement>("() => JSON.parse(document.getElementById('review-data').textContent)");
        return [.. data.GetProperty("lines").EnumerateArray().Select((l, i) => new Line(
            i,
            l.GetProperty("t").GetString()!,
            l.GetProperty("l").GetDouble(),
            l.GetProperty("y").GetDouble(),
            l.GetProperty("r").GetDouble(),
            l.GetProperty("b").GetDouble(),
            l.GetProperty("k").GetInt32(),
            l.TryGetProperty("a", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32().ToString(CultureInfo.InvariantCulture) : null,
            l.TryGetProperty("f", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null))];
    }

    private static async Task<IReadOnlyList<string>> ArticleIdsAsync(IPage page) =>
        await page.Locator(".review-articles li[data-article]").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.article)");

    /// <summary>The articles with a region on this page, in the list's order.</summary>
    private static async Task<IReadOnlyList<string>> PlacedAsync(IPage page) =>
        await page.Locator(".review-articles li[data-article]").EvaluateAllAsync<string[]>(
            "items => items.map(li => li.dataset.article).filter(id => document.querySelector(`.review-regions polygon[data-article=\"${id}\"]`))");

    private async Task<IPage> OpenAsync(string url)
    {
        var context = await NewContextAsync(server);
        var page = await SignInAsync(context);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(url);
        await ReadyAsync(page);
        Assert.True(await page.Locator("[data-review]").GetAttributeAsync("data-viewer") == "ready",
            "the page opened without deep zoom: OpenSeadragon comes from npm (`npm ci` in src/Broadsheet.Web, as scripts/install-deps does)");
        return page;
    }
}
