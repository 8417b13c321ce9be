using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>Issue 15, item 11: select a rectangle of the page, get a link that opens exactly that clip, its image, and a citation to copy.</summary>
[Collection(SecondPassCollection.Name)]
public sealed class ClipTests(SecondPassServer server)
{
    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task A_rectangle_drawn_on_the_page_becomes_a_link_an_image_and_a_citation(string device, int width, int height)
    {
        await using var context = await NewContextAsync(server, width, height);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/03");

        await page.Locator("[data-clip]").ClickAsync();
        await Expect(page.Locator(".sheet-frame .page-sheet")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("clipping"));
        var sheet = page.Locator(".sheet-frame .page-sheet");
        await sheet.ScrollIntoViewIfNeededAsync();
        var box = (await sheet.BoundingBoxAsync())!;
        // From (20 %, 25 %) to (70 %, 45 %) of the page.
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.2f), box.Y + (box.Height * 0.25f));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.45f), box.Y + (box.Height * 0.35f), new() { Steps = 4 });
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.7f), box.Y + (box.Height * 0.45f), new() { Steps = 4 });
        await page.Mouse.UpAsync();

        var panel = page.Locator(".clip-panel");
        await Expect(panel).ToBeVisibleAsync();
        var href = (await panel.Locator("a.clip-open").GetAttributeAsync("href"))!;
        var rect = href[(href.LastIndexOf('/') + 1)..].Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.StartsWith(Day + "/03/clip/", href, StringComparison.Ordinal);
        Assert.InRange(rect[0], 1950, 2050);
        Assert.InRange(rect[1], 2450, 2550);
        Assert.InRange(rect[2], 4950, 5050);
        Assert.InRange(rect[3], 1950, 2050);
        var preview = panel.Locator("img.clip-preview");
        await page.WaitForFunctionAsync("i => i.complete && i.naturalWidth > 0", await preview.ElementHandleAsync());
        // The image is that rectangle: its proportions are the rectangle's on the page.
        var natural = await preview.EvaluateAsync<double[]>("i => [i.naturalWidth, i.naturalHeight]");
        var page03 = (await EditionAsync(server, "2026-11-02")).GetProperty("pages")[2];
        var expected = rect[2] * page03.GetProperty("imageWidth").GetDouble() / (rect[3] * page03.GetProperty("imageHeight").GetDouble());
        Assert.InRange(natural[0] / natural[1], expected * 0.97, expected * 1.03);
        await Expect(panel.Locator(".clip-cite")).ToContainTextAsync("滨江日报，2026年11月2日 星期一，第03版");
        await panel.Locator("[data-copy=cite]").ClickAsync();
        await Expect(panel.Locator(".clip-status")).ToHaveTextAsync("引用已复制");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.EndsWith(new Uri(server.BaseAddress, href).ToString(), copied, StringComparison.Ordinal);
        await panel.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "clip-panel", device);

        // The link opens exactly that clip, with its citation.
        await panel.Locator("a.clip-open").ClickAsync();
        await WaitForPathAsync(page, href);
        var image = page.Locator(".clip-figure img");
        await page.WaitForFunctionAsync("i => i.complete && i.naturalWidth > 0", await image.ElementHandleAsync());
        Assert.Equal(natural, await image.EvaluateAsync<double[]>("i => [i.naturalWidth, i.naturalHeight]"));
        await Expect(page.Locator(".citation")).ToContainTextAsync(new Uri(server.BaseAddress, href).ToString());
        await Expect(page.Locator("meta[property='og:image']")).ToHaveAttributeAsync("content", new Uri(server.BaseAddress, href + ".jpg").ToString());
        await Axe.AssertNoSeriousViolationsAsync(page, $"clip page ({device})");
        await ShotAsync(page, "clip-page", device, fullPage: true);
    }
}
