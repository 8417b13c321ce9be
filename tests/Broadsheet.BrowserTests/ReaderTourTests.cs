using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using static Broadsheet.BrowserTests.Fixtures.Reader;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// A reader goes through every item of the e-paper interface in real Chromium, on a desktop and on a phone:
/// the page list, the pager, keys and swipes, the headline list, spreads, the editions' pager, the calendar,
/// the article with its tools and its pager through the whole edition. axe-core checks each view.
/// </summary>
public sealed class ReaderTourTests(LiveServer server, ITestOutputHelper output) : IClassFixture<LiveServer>
{
    private const string Day = "/binjiang/2026-11-02";
    private const string DayBefore = "/binjiang/2026-11-01";

    public static TheoryData<string, int, int> Devices => new() { { "desktop", 1366, 900 }, { "phone", 390, 844 } };

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task Pages_move_by_page_list_pager_keys_and_swipes(string device, int width, int height)
    {
        await using var context = await NewContextAsync(width, height, touch: device == "phone");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith(Day + "/01", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("第01版:", await page.Locator("nav.page-list a[aria-current=page]").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("footer")).ToContainTextAsync(LiveServer.FooterLines[1]);

        // 版面导航
        await page.Locator("nav.page-list a").Nth(2).ClickAsync();
        await page.ArrivedAsync(url => new Uri(url).AbsolutePath.EndsWith(Day + "/03", StringComparison.Ordinal));
        await Expect(page.Locator("nav.page-list a[aria-current=page]")).ToHaveTextAsync(await page.Locator("h1").InnerTextAsync());
        await Expect(page.Locator(".pager .current")).ToContainTextAsync("03版");

        // 首版 / 上一版 / 下一版 / 末版
        await ClickAndWaitAsync(page, ".pager a.last", Day + "/04");
        await Expect(page.Locator(".pager .last.disabled")).ToBeVisibleAsync();
        await ClickAndWaitAsync(page, ".pager a.previous", Day + "/03");
        await ClickAndWaitAsync(page, ".pager a.first", Day + "/01");
        await ClickAndWaitAsync(page, ".pager a.next", Day + "/02");

        // Arrow keys (waits end at DOMContentLoaded, as the clicks' do: the navigation is what is tested, not the images)
        await page.Keyboard.PressAsync("ArrowRight");
        await WaitForPathAsync(page, Day + "/03");
        await page.Keyboard.PressAsync("ArrowLeft");
        await WaitForPathAsync(page, Day + "/02");

        if (device == "phone")
        {
            // The pager is a bar at the bottom of the screen, within reach of a thumb.
            var bar = (await page.Locator("nav.pager").BoundingBoxAsync())!;
            Assert.True(bar.Y + bar.Height >= height - 2 && bar.Y > height - 120, string.Create(CultureInfo.InvariantCulture, $"pager at y={bar.Y}, height {bar.Height}"));
            await SwipeAsync(page, fromX: 330, toX: 60);
            await WaitForPathAsync(page, Day + "/03");
            await SwipeAsync(page, fromX: 60, toX: 330);
            await WaitForPathAsync(page, Day + "/02");
        }

        output.WriteLine($"{device}: page list, pager, arrow keys{(device == "phone" ? " and swipes" : "")} all moved between pages");
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task Headline_list_spreads_editions_and_calendar_lead_where_they_say(string device, int width, int height)
    {
        await using var context = await NewContextAsync(width, height, touch: false);
        var page = await context.NewPageAsync();
        var edition = await EditionAsync("2026-11-02");

        // 标题导航 in reading order, photo news marked
        await page.GotoAsync(Day + "/01");
        var front = edition.GetProperty("pages")[0];
        var expected = front.GetProperty("articles").EnumerateArray().ToList();
        var titles = page.Locator("nav.toc li a");
        Assert.Equal(expected.Select(a => a.GetProperty("headline").GetString()), await titles.AllInnerTextsAsync());
        var photoNews = expected.Count(a => a.GetProperty("kind").GetString() == "photoNews");
        Assert.Equal(photoNews, await page.Locator("nav.toc li.photo-news .kind").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(page, $"page view ({device})");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"tour-page-{device}"), FullPage = true });
        await titles.Last.ClickAsync();
        await page.ArrivedAsync(url => new Uri(url).AbsolutePath.EndsWith(Day + "/01/" + expected.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(expected[^1].GetProperty("headline").GetString(), await page.Locator("h1").InnerTextAsync());

        // 通版: page 1 alone, 02-03 together, 收缩通版 back
        await page.GotoAsync(Day + "/01");
        await Expect(page.Locator("span.spread-toggle[aria-disabled=true]")).ToBeVisibleAsync();
        await page.GotoAsync(Day + "/03");
        await ClickAndWaitAsync(page, "a.spread-toggle", Day + "/02-03");
        await Expect(page.Locator(".spread .page-sheet")).ToHaveCountAsync(2);
        await WaitForImagesAsync(page);
        var left = (await page.Locator(".spread .page-sheet").Nth(0).BoundingBoxAsync())!;
        var right = (await page.Locator(".spread .page-sheet").Nth(1).BoundingBoxAsync())!;
        // Side by side as printed on a desktop; on a phone one under the other, each as wide as the screen.
        Assert.True(device == "phone"
            ? right.Y >= left.Y + left.Height - 1 && left.Width > width * 0.85
            : Math.Abs(left.Y - right.Y) < 2 && right.X > left.X + (left.Width * 0.9), "the two pages of a spread stand side by side (on a phone, one under the other)");
        await Axe.AssertNoSeriousViolationsAsync(page, $"spread view ({device})");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"spread-{device}"), FullPage = true });
        await ClickRegionOnSpreadAsync(page, edition, pageIndex: 2);
        await page.GoBackAsync();
        await ClickAndWaitAsync(page, "a.spread-toggle", Day + "/02");
        await page.GotoAsync(Day + "/02-03");
        await ClickAndWaitAsync(page, ".pager a.next", Day + "/04");

        // 上一期 / 下一期
        await ClickAndWaitAsync(page, "a.previous-edition", DayBefore + "/01");
        await Expect(page.Locator(".edition-date time")).ToHaveTextAsync("2026年11月1日 星期日");
        await Expect(page.Locator(".edition-pager .disabled")).ToHaveTextAsync("上一期");
        await ClickAndWaitAsync(page, "a.next-edition", Day + "/01");

        // 发布日期: the sidebar calendar, the month's page, the month picker
        var calendar = page.Locator("aside .calendar");
        await Expect(calendar.Locator("td.has-edition a")).ToHaveTextAsync(["1", "2"]);
        await Expect(calendar.Locator("td.current a")).ToHaveTextAsync("2");
        await calendar.Locator("td.has-edition a").First.ClickAsync();
        await page.ArrivedAsync(url => new Uri(url).AbsolutePath.EndsWith(DayBefore + "/01", StringComparison.Ordinal));
        await ClickAndWaitAsync(page, "aside .calendar a.month-title", "/binjiang/2026/11");
        await Expect(page.Locator("td.has-edition a")).ToHaveCountAsync(2);
        await Axe.AssertNoSeriousViolationsAsync(page, $"calendar view ({device})");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"calendar-{device}"), FullPage = true });
        await page.Locator("form.month-jump select[name=month]").SelectOptionAsync("10");
        await page.Locator("form.month-jump button").ClickAsync();
        await page.ArrivedAtAsync("/binjiang/2026/10");
        await Expect(page.Locator("td.has-edition")).ToHaveCountAsync(0);
        await ClickAndWaitAsync(page, "a.month-next", "/binjiang/2026/11");
        await page.Locator("td.has-edition a").Last.ClickAsync();
        await page.ArrivedAsync(url => new Uri(url).AbsolutePath.EndsWith(Day + "/01", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task An_article_reads_with_its_tools_and_leads_through_the_whole_edition(string device, int width, int height)
    {
        await using var context = await NewContextAsync(width, height, touch: false);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        // Records what the listen button hands to the browser's speech synthesis, and still hands it on.
        await context.AddInitScriptAsync("""
            if (window.speechSynthesis) {
                const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
                window.__spoken = [];
                window.speechSynthesis.speak = u => { window.__spoken.push({ text: u.text, lang: u.lang }); speak(u); };
            }
            """);
        var page = await context.NewPageAsync();
        var edition = await EditionAsync("2026-11-02");
        var readingOrder = ReadingOrder(edition);
        await page.GotoAsync(readingOrder[0].Url);

        var article = readingOrder[0];
        Assert.Equal(article.Headline, await page.Locator("h1").InnerTextAsync());
        await Expect(page.Locator(".article-meta time")).ToHaveTextAsync("2026年11月2日 星期一");
        Assert.True(await page.Locator(".article-body p").CountAsync() > 0);
        await Expect(page.Locator(".page-thumb polygon.highlight").First).ToBeAttachedAsync();
        if (device == "desktop")
        {
            await Expect(page.Locator(".page-thumb")).ToBeVisibleAsync();
        }

        await Axe.AssertNoSeriousViolationsAsync(page, $"article view ({device})");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"tour-article-{device}"), FullPage = true });

        // 字体: 放大 / 缩小 / 默认, at once and remembered
        var body = page.Locator(".article-body p").First;
        var normal = await FontSizeAsync(body);
        await page.Locator("[data-text-size=up]").ClickAsync();
        await page.Locator("[data-text-size=up]").ClickAsync();
        var larger = await FontSizeAsync(body);
        Assert.True(larger > normal * 1.2, $"放大 twice: {normal}px → {larger}px");
        await page.ReloadAsync();
        Assert.Equal(larger, await FontSizeAsync(page.Locator(".article-body p").First), 1);
        await page.Locator("[data-text-size=reset]").ClickAsync();
        Assert.Equal(normal, await FontSizeAsync(body), 1);
        await page.Locator("[data-text-size=down]").ClickAsync();
        Assert.True(await FontSizeAsync(body) < normal, "缩小 makes the text smaller");
        await page.Locator("[data-text-size=reset]").ClickAsync();

        // Share: the system share sheet where there is one, else the link is copied
        var canShare = await page.EvaluateAsync<bool>("() => typeof navigator.share === 'function'");
        if (!canShare)
        {
            await page.Locator("button[data-share]").ClickAsync();
            await Expect(page.Locator(".tool-status")).ToHaveTextAsync("链接已复制");
            Assert.Equal(new Uri(server.BaseAddress, article.Url).ToString(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        }

        // Listen: Chinese text to the browser's speech synthesis
        var listen = page.Locator("button[data-listen]");
        await Expect(listen).ToBeVisibleAsync();
        await listen.ClickAsync();
        // The article is read a paragraph at a time, headline first (ReadAloudTests follows it paragraph by paragraph).
        await page.WaitForFunctionAsync("() => window.__spoken.length > 0");
        var spoken = await page.EvaluateAsync<JsonElement>("() => window.__spoken[0]");
        Assert.Equal("zh-CN", spoken.GetProperty("lang").GetString());
        Assert.Contains(article.Headline, spoken.GetProperty("text").GetString(), StringComparison.Ordinal);

        // 下一篇 through the whole edition, across pages, then 上一篇 back
        for (var i = 1; i < readingOrder.Count; i++)
        {
            await ClickAndWaitAsync(page, ".article-pager a.next", readingOrder[i].Url);
            Assert.Equal(readingOrder[i].Headline, await page.Locator("h1").InnerTextAsync());
        }

        await Expect(page.Locator(".article-pager .next.disabled")).ToBeVisibleAsync();
        await ClickAndWaitAsync(page, ".article-pager a.previous", readingOrder[^2].Url);
        output.WriteLine($"{device}: read {readingOrder.Count} articles in order with 下一篇");
    }

    [Fact]
    public async Task Without_speech_synthesis_there_is_no_listen_button()
    {
        await using var context = await NewContextAsync(1366, 900, touch: false);
        await context.AddInitScriptAsync("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;");
        var page = await context.NewPageAsync();
        var first = ReadingOrder(await EditionAsync("2026-11-02"))[0];

        await page.GotoAsync(first.Url);

        await Expect(page.Locator(".article-tools")).ToBeVisibleAsync();
        await Expect(page.Locator("button[data-listen]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Everything_is_a_plain_link_without_javascript()
    {
        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            BaseURL = server.BaseAddress.ToString(),
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await ClickAndWaitAsync(page, ".pager a.next", Day + "/02");
        await ClickAndWaitAsync(page, "a.spread-toggle", Day + "/02-03");
        await ClickFirstHotspotAsync(page, Day + "/02/1");
        await Expect(page.Locator(".article-body p").First).ToBeVisibleAsync();
        await Expect(page.Locator(".article-tools")).ToBeHiddenAsync();
        await ClickAndWaitAsync(page, ".article-pager a.next", Day + "/02/2");
        await ClickAndWaitAsync(page, "a.previous-edition", DayBefore + "/01");
    }

    private async Task<IBrowserContext> NewContextAsync(int width, int height, bool touch)
    {
        var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            BaseURL = server.BaseAddress.ToString(),
            HasTouch = touch,
            IsMobile = false,
        });
        // Two cores shared with builds: give slow moments room, without hiding a link that never navigates.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>
    /// Clicks well inside the first hotspot of the spread's first page, where only it lies (an L-shaped region's
    /// box centre can fall in its notch), reading the regions from the markup since scripts are off.
    /// </summary>
    private static async Task ClickFirstHotspotAsync(IPage page, string path)
    {
        var sheet = page.Locator(".spread .page-sheet").First;
        var hotspots = sheet.Locator("svg.hotspots a.hotspot");
        var regions = new List<List<IReadOnlyList<(double X, double Y)>>>();
        for (var i = 0; i < await hotspots.CountAsync(); i++)
        {
            var polygons = hotspots.Nth(i).Locator("polygon");
            var list = new List<IReadOnlyList<(double X, double Y)>>();
            for (var k = 0; k < await polygons.CountAsync(); k++)
            {
                var points = (await polygons.Nth(k).GetAttributeAsync("points"))!;
                list.Add([.. points.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.Split(','))
                    .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))]);
            }

            regions.Add(list);
        }

        var point = InteriorPoint.InAny(regions[0], [.. regions.Skip(1).SelectMany(r => r)]) ?? throw new InvalidOperationException("the first hotspot is covered by others");
        await sheet.ScrollIntoViewIfNeededAsync();
        var box = (await sheet.Locator("svg.hotspots").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + (point.X * box.Width)), (float)(box.Y + (point.Y * box.Height)));
        await page.ArrivedAtAsync(path, Ready.DomContentLoaded);
    }

    private static async Task<double> FontSizeAsync(ILocator element) =>
        double.Parse((await element.EvaluateAsync<string>("e => getComputedStyle(e).fontSize")).Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>One finger across the page image: touchstart, touchmove, touchend, as a phone sends them.</summary>
    private static async Task SwipeAsync(IPage page, int fromX, int toX)
    {
        await page.EvaluateAsync("""
            ([fromX, toX]) => {
                const target = document.querySelector('.sheet-frame');
                const y = Math.min(window.innerHeight / 2, target.getBoundingClientRect().top + 100);
                const touch = x => new Touch({ identifier: 1, target, clientX: x, clientY: y });
                target.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, touches: [touch(fromX)], changedTouches: [touch(fromX)] }));
                target.dispatchEvent(new TouchEvent('touchmove', { bubbles: true, touches: [touch((fromX + toX) / 2)], changedTouches: [touch((fromX + toX) / 2)] }));
                target.dispatchEvent(new TouchEvent('touchend', { bubbles: true, touches: [], changedTouches: [touch(toX)] }));
            }
            """, new[] { fromX, toX });
    }

    private static async Task WaitForImagesAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.page-image')].every(i => i.complete && i.naturalWidth > 0)");

    /// <summary>Clicks inside the first clickable region of the spread's right page and checks it opens that article.</summary>
    private async Task ClickRegionOnSpreadAsync(IPage page, JsonElement edition, int pageIndex)
    {
        var pageJson = edition.GetProperty("pages")[pageIndex];
        var label = pageJson.GetProperty("label").GetString()!;
        var articles = pageJson.GetProperty("articles").EnumerateArray().ToList();
        var regions = articles.Select(a => a.GetProperty("regions").EnumerateArray()
            .Where(r => r.GetProperty("page").GetString() == label)
            .Select(r => (IReadOnlyList<(double X, double Y)>)[.. r.GetProperty("points").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))])
            .ToList()).ToList();
        for (var i = 0; i < articles.Count; i++)
        {
            var others = regions.Where((_, k) => k != i).SelectMany(r => r).ToList();
            if (InteriorPoint.InAny(regions[i], others) is not { } point)
            {
                continue;
            }

            var image = page.Locator(".spread .page-sheet").Nth(1).Locator("img.page-image");
            await image.ScrollIntoViewIfNeededAsync();
            var box = (await image.BoundingBoxAsync())!;
            await page.Mouse.ClickAsync((float)(box.X + (point.X * box.Width)), (float)(box.Y + (point.Y * box.Height)));
            var expected = articles[i].GetProperty("readerUrl").GetString()!;
            await page.ArrivedAtAsync(expected, Ready.DomContentLoaded);
            Assert.Equal(articles[i].GetProperty("headline").GetString(), await page.Locator("h1").InnerTextAsync());
            return;
        }

        Assert.Fail($"no region on page {label} could be clicked");
    }

    private async Task<JsonElement> EditionAsync(string date)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/publications/binjiang/editions/{date}");
    }

    /// <summary>The edition's articles in reading order, each at the first page it is printed on.</summary>
    private static List<(string Url, string Headline)> ReadingOrder(JsonElement edition)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<(int Order, string Url, string Headline)>();
        foreach (var pageJson in edition.GetProperty("pages").EnumerateArray())
        {
            foreach (var a in pageJson.GetProperty("articles").EnumerateArray())
            {
                var headline = a.GetProperty("headline").GetString()!;
                var number = a.GetProperty("order").GetInt32();
                if (seen.Add(number.ToString(CultureInfo.InvariantCulture)))
                {
                    order.Add((number, a.GetProperty("readerUrl").GetString()!, headline));
                }
            }
        }

        return [.. order.OrderBy(x => x.Order).Select(x => (x.Url, x.Headline))];
    }
}
