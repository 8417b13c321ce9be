using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// A day with two editions, as a reader meets it: the first edition's masthead names both (第1期 第2期) and the calendar
/// links the second; the second is read at its own URLs, its articles too. Screenshots at 1366 and 390 px go to
/// TestResults/screenshots.
/// </summary>
public sealed class SecondEditionTests(SecondEditionServer server) : IClassFixture<SecondEditionServer>
{
    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task The_day_s_first_edition_leads_to_the_second_and_its_article_is_read_there(string device, int width, int height)
    {
        await using var context = await NewContextAsync(server, width, height);
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(SecondEditionServer.Day + "/01");

        var editions = page.Locator("header.masthead nav.day-editions a");
        await Expect(editions).ToHaveTextAsync(["第1期", "第2期"]);
        await Expect(editions.Nth(0)).ToHaveAttributeAsync("aria-current", "page");
        await Expect(editions.Nth(1)).ToBeVisibleAsync();
        await Expect(page.Locator(".calendar td.current a.later-edition")).ToHaveAttributeAsync("href", SecondEditionServer.Later + "/01");
        await WaitForImagesAsync(page);
        await ShotAsync(page, "second-edition-day", device);

        await editions.Nth(1).ClickAsync();
        await WaitForPathAsync(page, SecondEditionServer.Later + "/01");
        await Expect(page.Locator("header.masthead nav.day-editions a[aria-current=page]")).ToHaveTextAsync("第2期");
        await Expect(page.Locator(".edition-date")).ToContainTextAsync("2026年11月2日");
        await Expect(page.Locator("nav.page-list a").First).ToHaveAttributeAsync("href", SecondEditionServer.Later + "/01");
        await WaitForImagesAsync(page);
        await ShotAsync(page, "second-edition-page", device);

        var first = page.Locator("nav.toc a").First;
        var headline = (await first.TextContentAsync())!.Trim();
        var href = await first.GetAttributeAsync("href");
        Assert.StartsWith(SecondEditionServer.Later + "/01/", href, StringComparison.Ordinal);
        await first.ClickAsync();
        await WaitForPathAsync(page, href!);
        await Expect(page.Locator("h1.headline")).ToHaveTextAsync(headline);
        await Expect(page.Locator(".article-meta time")).ToContainTextAsync("第2期");
        await Expect(page.Locator("p.back a")).ToHaveAttributeAsync("href", SecondEditionServer.Later + "/01");
        await Axe.AssertNoSeriousViolationsAsync(page, $"second edition's article ({device})");
        await ShotAsync(page, "second-edition-article", device, fullPage: true);
    }
}
