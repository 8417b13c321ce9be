using System.Globalization;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>Issue 15, item 9: 版面 ⇄ 文字, one toggle that keeps the reader's place (the article), their text size and a search's marks.</summary>
[Collection(SecondPassCollection.Name)]
public sealed class ToggleTests(SecondPassServer server)
{
    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task Page_and_text_are_one_toggle_that_keeps_the_place_and_the_text_size(string device, int width, int height)
    {
        var edition = await EditionAsync(server, "2026-11-02");
        var front = edition.GetProperty("pages")[0];
        var third = front.GetProperty("articles")[2];
        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/01");
        await Expect(page.Locator(".view-toggle a.to-page")).ToHaveAttributeAsync("aria-current", "page");

        // The reader points at the third article on the page; 文字 opens that one.
        var sheet = page.Locator(".sheet-frame .page-sheet");
        await sheet.ScrollIntoViewIfNeededAsync();
        var box = (await sheet.BoundingBoxAsync())!;
        var (x, y) = PointIn(front, 2);
        await page.Mouse.MoveAsync((float)(box.X + (x * box.Width)), (float)(box.Y + (y * box.Height)));
        await Expect(page.Locator(".view-toggle a.to-text")).ToHaveAttributeAsync("href", third.GetProperty("readerUrl").GetString()!);
        await page.Locator(".view-toggle a.to-text").ClickAsync();
        await WaitForPathAsync(page, third.GetProperty("readerUrl").GetString()!);
        await Expect(page.Locator("h1.headline")).ToHaveTextAsync(third.GetProperty("headline").GetString()!);
        await Expect(page.Locator(".view-toggle a.to-text")).ToHaveAttributeAsync("aria-current", "page");

        // A larger text size, then back to the page: the article's region is marked and in view.
        await page.Locator("[data-text-size=up]").ClickAsync();
        var size = await FontSizeAsync(page.Locator(".article-body p").First);
        await page.Locator(".view-toggle a.to-page").ClickAsync();
        await WaitForPathAsync(page, Day + "/01");
        Assert.Equal("#a3", new Uri(page.Url).Fragment);
        var target = page.Locator(".sheet-frame a.hotspot#a3 polygon").First;
        // The mark fades in (a 0.12 s transition): wait for it rather than read the first frame.
        await Expect(target).Not.ToHaveCSSAsync("stroke", "rgba(0, 0, 0, 0)");
        await Expect(page.Locator(".sheet-frame a.hotspot#a3")).ToBeInViewportAsync();
        await ShotAsync(page, "toggle-page", device);

        // And to the text again: the same article, the same size.
        await page.Locator(".view-toggle a.to-text").ClickAsync();
        await WaitForPathAsync(page, third.GetProperty("readerUrl").GetString()!);
        Assert.Equal(size, await FontSizeAsync(page.Locator(".article-body p").First), 1);
        await ShotAsync(page, "toggle-text", device);
        await page.Locator("[data-text-size=reset]").ClickAsync();
    }

    private static async Task<double> FontSizeAsync(ILocator element) =>
        double.Parse((await element.EvaluateAsync<string>("e => getComputedStyle(e).fontSize")).Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
