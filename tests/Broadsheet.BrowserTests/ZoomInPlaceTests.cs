using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, item 1: the page image zooms where it is (double click or tap, pinch, Ctrl and the wheel), the
/// regions stay links while zoomed, and where the articles are shows on hover and on touch.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class ZoomInPlaceTests(SecondPassServer server, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task A_double_click_or_tap_zooms_the_page_in_place_and_a_region_still_opens_its_article(string device, int width, int height)
    {
        var phone = device == "phone";
        await using var context = await NewContextAsync(server, width, height, touch: phone);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        var edition = await EditionAsync(server, "2026-11-02");
        var front = edition.GetProperty("pages")[0];
        await page.GotoAsync(Day + "/01");
        var sheet = page.Locator(".sheet-frame .page-sheet");
        await Expect(sheet).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("zoomable"));
        await Expect(page.Locator(".zoom-hint")).ToBeVisibleAsync();
        var before = (await sheet.BoundingBoxAsync())!;

        // Where the articles are: outlined while the pointer is over the page, or a finger is on it.
        var polygon = page.Locator(".sheet-frame a.hotspot polygon").First;
        Assert.Equal("rgba(0, 0, 0, 0)", await polygon.EvaluateAsync<string>("p => getComputedStyle(p).stroke"));
        if (phone)
        {
            await sheet.DispatchEventAsync("touchstart");
            await Expect(sheet).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("show-regions"));
        }
        else
        {
            await page.Mouse.MoveAsync((float)(before.X + 4), (float)(before.Y + 4));
        }

        await page.WaitForFunctionAsync("p => getComputedStyle(p).stroke !== 'rgba(0, 0, 0, 0)'", await polygon.ElementHandleAsync());
        await ShotAsync(page, "zoom-regions", device);

        // Zoom in on the lead article's point: a double tap on the phone, a double click on the desktop.
        var (x, y) = PointIn(front, 0);
        var at = (X: (float)(before.X + (x * before.Width)), Y: (float)(before.Y + (y * before.Height)));
        await sheet.ScrollIntoViewIfNeededAsync();
        before = (await sheet.BoundingBoxAsync())!;
        at = ((float)(before.X + (x * before.Width)), (float)(before.Y + (y * before.Height)));
        if (phone)
        {
            await page.Touchscreen.TapAsync(at.X, at.Y);
            await page.Touchscreen.TapAsync(at.X, at.Y);
        }
        else
        {
            await page.Mouse.DblClickAsync(at.X, at.Y);
        }

        var layer = page.Locator(".page-sheet .zoom-layer");
        await Expect(layer).ToHaveAttributeAsync("data-drawn", "true");
        await Expect(sheet).ToHaveAttributeAsync("data-settled", "true");
        // A double click is not a click: the page did not leave for the article.
        Assert.EndsWith(Day + "/01", page.Url, StringComparison.Ordinal);
        var zoom = double.Parse((await sheet.GetAttributeAsync("data-zoom"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(zoom > 1.5, $"zoomed {zoom}×");
        // In place: the viewer covers the page image exactly, where it was.
        var box = (await layer.BoundingBoxAsync())!;
        var sheetBox = (await sheet.BoundingBoxAsync())!;
        Assert.True(Math.Abs(box.X - sheetBox.X) < 2 && Math.Abs(box.Width - sheetBox.Width) < 2 && Math.Abs(box.Height - sheetBox.Height) < 2,
            $"viewer {box.X},{box.Y} {box.Width}x{box.Height}; page {sheetBox.X},{sheetBox.Y} {sheetBox.Width}x{sheetBox.Height}");
        await Expect(layer.Locator("svg.zoom-hotspots a.hotspot")).ToHaveCountAsync(front.GetProperty("articles").GetArrayLength());
        await ShotAsync(page, "zoom-in-place", device);

        // The region under the point where the zoom centred is the lead article: click (tap) it, it opens.
        var target = await FindSteadyLinkAsync(page, layer);
        output.WriteLine($"{device}: zoomed {zoom}×; opening {target.Href} at ({target.X:0}, {target.Y:0})");
        if (phone)
        {
            await page.Touchscreen.TapAsync((float)target.X, (float)target.Y);
        }
        else
        {
            await page.Mouse.ClickAsync((float)target.X, (float)target.Y);
        }

        await page.ArrivedAtAsync(target.Href, Ready.Commit);
        await Expect(page.Locator("h1.headline")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Ctrl_and_the_wheel_zoom_in_and_zooming_all_the_way_out_gives_the_plain_page_back()
    {
        await using var context = await NewContextAsync(server, 1366, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/01");
        var sheet = page.Locator(".sheet-frame .page-sheet");
        await Expect(sheet).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("zoomable"));
        var box = (await sheet.BoundingBoxAsync())!;

        // A plain wheel scrolls the page as ever.
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + 200);
        await page.Mouse.WheelAsync(0, 300);
        await page.WaitForFunctionAsync("() => window.scrollY > 0");
        Assert.Equal(0, await page.Locator(".zoom-layer").CountAsync());

        await page.Keyboard.DownAsync("Control");
        await page.Mouse.WheelAsync(0, -200);
        await page.Keyboard.UpAsync("Control");
        await Expect(sheet).ToHaveAttributeAsync("data-settled", "true");
        Assert.True(double.Parse((await sheet.GetAttributeAsync("data-zoom"))!, System.Globalization.CultureInfo.InvariantCulture) > 1.2);

        // 全版 and × give the plain page back; so does zooming out to the whole page.
        await page.Locator(".zoom-controls [data-zoom-action=out]").ClickAsync();
        await page.Locator(".zoom-controls [data-zoom-action=out]").ClickAsync();
        await Expect(page.Locator(".zoom-layer")).ToHaveCountAsync(0);
        await Expect(page.Locator(".sheet-frame img.page-image")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_page_without_tiles_keeps_its_plain_image_and_its_links()
    {
        // Take page 03's tiles away as a page imported before tiles existed has none: the reader finds info.json missing.
        await using var context = await NewContextAsync(server, 1366, 900);
        await context.RouteAsync("**/tiles/info.json", route => route.FulfillAsync(new() { Status = 404 }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/03", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Expect(page.Locator(".zoom-hint")).ToBeHiddenAsync();
        var sheet = page.Locator(".sheet-frame .page-sheet");
        Assert.DoesNotContain("zoomable", await sheet.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        var link = page.Locator(".sheet-frame a.hotspot").First;
        var href = await link.GetAttributeAsync("href");
        await link.DispatchEventAsync("click");
        await page.ArrivedAtAsync(href ?? throw new InvalidOperationException("the hotspot has no href"));
    }

    [Fact]
    public async Task The_viewer_script_is_built_into_the_static_assets()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var script = await client.GetStringAsync(new Uri("/lib/openseadragon/openseadragon.min.js", UriKind.Relative));

        Assert.Contains("OpenSeadragon", script, StringComparison.Ordinal);
        Assert.True(script.Length > 100_000);
    }

    /// <summary>A point of the zoomed view well inside one region (30 px around it are the same link).</summary>
    private static async Task<(double X, double Y, string Href)> FindSteadyLinkAsync(IPage page, ILocator layer)
    {
        var box = (await layer.BoundingBoxAsync())!;
        var found = await page.EvaluateAsync<JsonElement>("""
            ([left, top, width, height]) => {
                const at = (x, y) => document.elementFromPoint(x, y)?.closest('.zoom-layer a')?.getAttribute('href') ?? null;
                const bottom = Math.min(top + height, window.innerHeight) - 40;
                const start = Math.max(top, 0) + 60;
                for (let j = 1; j < 12; j++) {
                    for (let i = 1; i < 12; i++) {
                        const x = left + width * i / 12, y = start + (bottom - start) * j / 12;
                        const href = at(x, y);
                        if (href && [[30, 0], [-30, 0], [0, 30], [0, -30]].every(([dx, dy]) => at(x + dx, y + dy) === href)) {
                            return { x, y, href };
                        }
                    }
                }
                return null;
            }
            """, new[] { (double)box.X, (double)box.Y, (double)box.Width, (double)box.Height });
        Assert.Equal(JsonValueKind.Object, found.ValueKind);
        return (found.GetProperty("x").GetDouble(), found.GetProperty("y").GetDouble(), found.GetProperty("href").GetString()!);
    }
}
