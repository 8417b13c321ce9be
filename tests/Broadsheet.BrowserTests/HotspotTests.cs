using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// A reader on a desktop and on a phone taps each article on each page image and must land on that article.
/// What to expect (headlines, polygons, URLs) comes from the JSON API, so the test holds for any edition seeded.
/// </summary>
public sealed class HotspotTests(LiveServer server, ITestOutputHelper output) : IClassFixture<LiveServer>
{
    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Clicking_inside_each_region_opens_that_article(string device, int width, int height)
    {
        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            BaseURL = server.BaseAddress.ToString(),
        });
        // Two cores shared with builds: give slow moments room, without hiding a link that never navigates.
        context.SetDefaultTimeout(60_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var edition = await EditionOfAsync(page.Url);
        var pages = edition.GetProperty("pages").EnumerateArray().ToList();
        var clicked = 0;
        var covered = new List<string>();

        foreach (var (pageJson, pageIndex) in pages.Select((p, i) => (p, i)))
        {
            var label = pageJson.GetProperty("label").GetString()!;
            var pageUrl = new Uri(server.BaseAddress, pageJson.GetProperty("readerUrl").GetString()).ToString();
            var articles = pageJson.GetProperty("articles").EnumerateArray().ToList();
            var regionsOnPage = articles.Select(a => RegionsOn(a, label).ToList()).ToList();
            for (var i = 0; i < articles.Count; i++)
            {
                var headline = articles[i].GetProperty("headline").GetString();
                var others = regionsOnPage.Where((_, k) => k != i).SelectMany(r => r).ToList();
                if (InteriorPoint.InAny(regionsOnPage[i], others) is not { } point)
                {
                    // Nothing of this article is left uncovered by the others' regions: a detection problem, not the reader's.
                    covered.Add($"{label}/{i + 1} {headline}");
                    continue;
                }

                await page.GotoAsync(pageUrl);
                await WaitForPageImageAsync(page);
                var first = pageIndex == 0 && clicked == 0;
                if (first)
                {
                    await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"page-{device}"), FullPage = true });
                }

                var expectedUrl = new Uri(server.BaseAddress, articles[i].GetProperty("readerUrl").GetString()).ToString();
                var hit = await ClickOnPageAsync(page, point, hoverShot: pageIndex == 0 && clicked == 1 ? $"page-hover-{device}" : null);
                Assert.True(hit == expectedUrl, string.Create(CultureInfo.InvariantCulture,
                    $"page {label}, article {i + 1} ({headline}): the point ({point.X:0.###}, {point.Y:0.###}) is on {hit ?? "no link"}, not {expectedUrl}; its regions: {articles[i].GetProperty("regions")}"));

                // The article's text is what matters; its images may still be decoding. On a cold, loaded CI machine
                // headless Chromium has twice let the very first click's navigation stall before it committed, so a
                // click that has not committed in 20 s is made once more (and said so) rather than failing the run.
                try
                {
                    await page.ArrivedAsync(url => url == expectedUrl, Ready.Commit, TimeSpan.FromSeconds(20));
                }
                catch (TimeoutException)
                {
                    output.WriteLine($"page {label}, article {i + 1}: the click's navigation did not commit in 20 s; clicking again");
                    await page.GotoAsync(pageUrl);
                    await WaitForPageImageAsync(page);
                    Assert.Equal(expectedUrl, await ClickOnPageAsync(page, point, hoverShot: null));
                    await page.ArrivedAsync(url => url == expectedUrl, Ready.Commit);
                }

                Assert.Equal(headline, await page.Locator("h1").InnerTextAsync());
                if (first)
                {
                    await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"article-{device}"), FullPage = true });
                }

                clicked++;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{device}: {clicked} articles opened by clicking their regions in {clock.Elapsed.TotalSeconds:0.0} s (sample edition imported in {server.SeedTime.TotalSeconds:0.0} s); screenshots in {Screenshots.Folder}"));
        if (covered.Count > 0)
        {
            output.WriteLine("Articles whose regions lie wholly under other articles' regions (not clickable): " + string.Join("; ", covered));
        }

        Assert.True(clicked >= 4, $"only {clicked} regions were clicked");
    }

    [Fact]
    public async Task Hotspots_can_be_reached_and_followed_with_the_keyboard()
    {
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        await WaitForPageImageAsync(page);
        var first = page.Locator("svg.hotspots a").First;
        var headline = await first.GetAttributeAsync("aria-label");

        await first.FocusAsync();
        // Focused, the region is outlined in the accent colour, opaque once its 0.12 s transition has run (read at once,
        // a loaded run once saw the transparent start).
        await Assertions.Expect(first.Locator("polygon").First).ToHaveCSSAsync("stroke", new Regex(@"^rgb\("));
        await page.Keyboard.PressAsync("Enter");

        await page.ArrivedAsync(url => new Uri(url).AbsolutePath.EndsWith("/1", StringComparison.Ordinal), Ready.DomContentLoaded);
        Assert.Equal(headline, await page.Locator("h1").InnerTextAsync());
    }

    private async Task<JsonElement> EditionOfAsync(string pageUrl)
    {
        // /{publication}/{date}/{page}
        var segments = new Uri(pageUrl).AbsolutePath.Trim('/').Split('/');
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/publications/{segments[0]}/editions/{segments[1]}");
    }

    private static IEnumerable<IReadOnlyList<(double X, double Y)>> RegionsOn(JsonElement article, string label) =>
        article.GetProperty("regions").EnumerateArray()
            .Where(r => r.GetProperty("page").GetString() == label)
            .Select(r => (IReadOnlyList<(double X, double Y)>)[.. r.GetProperty("points").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))]);

    private static async Task WaitForPageImageAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.page-image'); return i && i.complete && i.naturalWidth > 0; }");

    /// <summary>
    /// Scrolls the point (normalised page coordinates) to the middle of the window and clicks there; returns the
    /// address of the link that was under the pointer.
    /// </summary>
    private static async Task<string?> ClickOnPageAsync(IPage page, (double X, double Y) point, string? hoverShot)
    {
        var image = page.Locator("img.page-image");
        var box = (await image.BoundingBoxAsync())!;
        var scrollY = await page.EvaluateAsync<double>("() => window.scrollY");
        var viewport = page.ViewportSize!;
        var targetY = scrollY + box.Y + (point.Y * box.Height);
        await page.EvaluateAsync("y => window.scrollTo(0, y)", Math.Max(0, targetY - (viewport.Height / 2.0)));

        box = (await image.BoundingBoxAsync())!;
        var svg = (await page.Locator("svg.hotspots").BoundingBoxAsync())!;
        Assert.True(Math.Abs(svg.X - box.X) < 1 && Math.Abs(svg.Y - box.Y) < 1 && Math.Abs(svg.Width - box.Width) < 1 && Math.Abs(svg.Height - box.Height) < 1,
            string.Create(CultureInfo.InvariantCulture, $"hotspot layer {svg.X},{svg.Y} {svg.Width}x{svg.Height} does not cover the image {box.X},{box.Y} {box.Width}x{box.Height}"));
        var x = box.X + (point.X * box.Width);
        var y = box.Y + (point.Y * box.Height);
        await page.Mouse.MoveAsync((float)x, (float)y);
        if (hoverShot is not null)
        {
            await page.WaitForTimeoutAsync(200);
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor(hoverShot) });
        }

        var hit = await page.EvaluateAsync<string?>(
            "([x, y]) => { const a = document.elementFromPoint(x, y)?.closest('a'); return a ? new URL(a.getAttribute('href'), location.href).href : null; }",
            new[] { x, y });
        await page.Mouse.ClickAsync((float)x, (float)y);
        return hit;
    }
}
