using System.Globalization;
using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, item 6: on a phone (390 x 844) the masthead is slim and its search opens when asked, everything a
/// thumb taps is at least 44 px tall, and a spread opens page by page.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class PhoneTests(SecondPassServer server, ITestOutputHelper output)
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task The_masthead_is_slim_and_its_search_and_menu_open_when_asked()
    {
        await using var context = await NewContextAsync(server, Width, Height, touch: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/01");

        var masthead = (await page.Locator("header.masthead").BoundingBoxAsync())!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"masthead {masthead.Height:0} px of {Height}"));
        Assert.True(masthead.Height <= 100, $"the masthead is {masthead.Height} px tall");
        await Expect(page.Locator("#header-q")).ToBeHiddenAsync();
        await Expect(page.Locator("header .edition-date time")).ToBeVisibleAsync();
        await Expect(page.Locator("header .edition-pager a.previous-edition")).ToBeVisibleAsync();
        await ShotAsync(page, "phone-masthead", "phone");

        await page.Locator("a.search-open").TapAsync();
        await Expect(page.Locator("#header-q")).ToBeFocusedAsync();
        await Expect(page.Locator("a.search-open")).ToHaveAttributeAsync("aria-expanded", "true");
        await ShotAsync(page, "phone-search-open", "phone");
        await page.Locator("#header-q").FillAsync("滨江");
        await page.Locator("#header-search button[type=submit]").TapAsync();
        await page.ArrivedAtAsync("/search");

        await page.GotoAsync(Day + "/01");
        await page.Locator("a.menu-open").TapAsync();
        await Expect(page.Locator("#site-nav a[href='/']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#site-nav a[href='{SecondPassServer.Website}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_script_the_search_and_the_menu_open_as_links()
    {
        await using var context = await NewContextAsync(server, Width, Height, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/01");

        await Expect(page.Locator("#header-q")).ToBeHiddenAsync();
        await page.Locator("a.search-open").ClickAsync();
        await Expect(page.Locator("#header-q")).ToBeVisibleAsync();
        await page.Locator("a.menu-open").ClickAsync();
        await Expect(page.Locator("#site-nav a[href='/']")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("page", Day + "/01")]
    [InlineData("article", Day + "/02/1")]
    [InlineData("spread", Day + "/02-03")]
    [InlineData("calendar", "/binjiang/2026/11")]
    [InlineData("search", "/search?q=%E6%BB%A8%E6%B1%9F&pub=binjiang")]
    public async Task Everything_a_thumb_taps_is_at_least_44_px_tall(string view, string url)
    {
        await using var context = await NewContextAsync(server, Width, Height, touch: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });

        // Every visible link, button, field and label a finger may aim at, but the page image's regions (which
        // are as large as their articles) and links inside running text.
        var small = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('a[href], button, input, select, summary, label')]
                .filter(e => !e.closest('svg') && !e.closest('.article-body, .correction-note, .hit-snippet, .site-footer p, .visually-hidden, .report-trap, .skip-link'))
                .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
                // A radio button or a checkbox is tapped through its label, which is what must be large enough.
                .map(e => (e.type === 'radio' || e.type === 'checkbox') && e.closest('label') ? e.closest('label') : e)
                .map(e => { const r = e.getBoundingClientRect(); return { what: e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 20), h: r.height, w: r.width }; })
                .filter(e => e.w > 0 && e.h > 0 && e.h < 44)
            """);
        var list = small.EnumerateArray().Select(e => $"{e.GetProperty("what").GetString()} ({e.GetProperty("h").GetDouble():0} px)").ToList();
        Assert.True(list.Count == 0, $"{view}: tap targets under 44 px: {string.Join("; ", list)}");
        await ShotAsync(page, $"phone-{view}", "phone", fullPage: true);
    }

    [Fact]
    public async Task A_spread_on_a_phone_opens_page_by_page()
    {
        await using var context = await NewContextAsync(server, Width, Height, touch: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/02-03");

        var sheets = page.Locator(".spread .page-sheet");
        await Expect(sheets).ToHaveCountAsync(2);
        var first = (await sheets.Nth(0).BoundingBoxAsync())!;
        var second = (await sheets.Nth(1).BoundingBoxAsync())!;
        Assert.True(second.Y >= first.Y + first.Height - 1, "the second page comes below the first");
        Assert.True(first.Width > Width * 0.85 && second.Width > Width * 0.85, $"each page is as wide as the screen ({first.Width}, {second.Width} px)");
        await Axe.AssertNoSeriousViolationsAsync(page, "spread view (phone)");
        await ShotAsync(page, "phone-spread", "phone", fullPage: true);

        // On a desktop the two pages stand side by side, as printed.
        await using var desktop = await NewContextAsync(server, 1366, 900);
        var wide = await desktop.NewPageAsync();
        await wide.GotoAsync(Day + "/02-03");
        var left = (await wide.Locator(".spread .page-sheet").Nth(0).BoundingBoxAsync())!;
        var right = (await wide.Locator(".spread .page-sheet").Nth(1).BoundingBoxAsync())!;
        Assert.True(Math.Abs(left.Y - right.Y) < 2 && right.X > left.X + (left.Width * 0.9));
        await Axe.AssertNoSeriousViolationsAsync(wide, "spread view (desktop)");
        await ShotAsync(wide, "spread", "desktop");
    }
}
