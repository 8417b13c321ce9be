using Broadsheet.BrowserTests.Fixtures;
using System.Text.Json;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests;

/// <summary>Deep zoom over IIIF tiles where a page has them, with the regions still links; nothing where it has none.</summary>
public sealed class ZoomTests(LiveServer server, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<LiveServer>
{
    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("phone", 390, 844)]
    public async Task A_page_with_tiles_zooms_and_its_regions_still_open_their_articles(string device, int width, int height)
    {
        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            BaseURL = server.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        page.RequestFailed += (_, request) => output.WriteLine($"failed: {request.Url}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                output.WriteLine($"{response.Status}: {response.Url}");
            }
        };
        await page.GotoAsync("/binjiang/2026-11-02/01");
        var open = page.Locator("[data-zoom-open]");
        await Assertions.Expect(open).ToBeVisibleAsync();

        await open.ClickAsync();
        var stage = page.Locator(".zoom-viewer");
        await Assertions.Expect(stage.Locator("canvas").First).ToBeAttachedAsync();
        await Assertions.Expect(stage).ToHaveAttributeAsync("data-drawn", "true");
        await Assertions.Expect(page.Locator(".sheet-frame .page-sheet")).ToBeHiddenAsync();
        var tiles = await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/tiles/') && e.name.endsWith('.jpg')).length");
        Assert.True(tiles > 0, "the viewer drew tiles");

        await page.Locator("[data-zoom-action=in]").ClickAsync();
        await page.Locator("[data-zoom-action=in]").ClickAsync();
        // Clicking while the zoom still springs towards its target would hit whatever passes under the pointer.
        await page.WaitForTimeoutAsync(300);
        await Assertions.Expect(stage).ToHaveAttributeAsync("data-settled", "true");
        await page.WaitForTimeoutAsync(500);
        await Assertions.Expect(stage).ToHaveAttributeAsync("data-settled", "true");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"zoom-{device}") });

        // A point of the zoomed view well inside one article's region (30 px around it are the same link);
        // clicking there opens that article.
        var box = (await stage.BoundingBoxAsync())!;
        var target = await page.EvaluateAsync<JsonElement>("""
            ([left, top, width, height]) => {
                const at = (x, y) => document.elementFromPoint(x, y)?.closest('.zoom-viewer a')?.getAttribute('href') ?? null;
                const bottom = Math.min(top + height, window.innerHeight) - 40;
                for (let j = 1; j < 12; j++) {
                    for (let i = 1; i < 12; i++) {
                        const x = left + width * i / 12, y = top + 40 + (bottom - top - 40) * j / 12;
                        const href = at(x, y);
                        if (href && [[30, 0], [-30, 0], [0, 30], [0, -30]].every(([dx, dy]) => at(x + dx, y + dy) === href)) {
                            return { x, y, href };
                        }
                    }
                }
                return null;
            }
            """, new[] { (double)box.X, (double)box.Y, (double)box.Width, (double)box.Height });
        Assert.Equal(JsonValueKind.Object, target.ValueKind);
        var x = target.GetProperty("x").GetDouble();
        var y = target.GetProperty("y").GetDouble();
        var href = target.GetProperty("href").GetString()!;
        Assert.StartsWith("/binjiang/2026-11-02/01/", href, StringComparison.Ordinal);
        var headline = await page.Locator($".zoom-viewer a[href='{href}']").GetAttributeAsync("aria-label");
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{device}: clicking ({x:0}, {y:0}) in the viewer {box.X:0},{box.Y:0} {box.Width:0}x{box.Height:0}, on {href}"));
        await page.Mouse.ClickAsync((float)x, (float)y);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href, new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1.headline")).ToHaveTextAsync(headline!);
    }

    [Fact]
    public async Task A_page_without_tiles_offers_no_zoom_and_keeps_its_image()
    {
        await using var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/binjiang/2026-11-02/02");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Assertions.Expect(page.Locator("[data-zoom-open]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".sheet-frame .page-sheet")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_viewer_script_is_built_into_the_static_assets()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var script = await client.GetStringAsync(new Uri("/lib/openseadragon/openseadragon.min.js", UriKind.Relative));

        Assert.Contains("OpenSeadragon", script, StringComparison.Ordinal);
        Assert.True(script.Length > 100_000);
    }
}
