using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>Issue 15, item 3: the article view keeps the e-paper's navigation beside the article, as the paper's own site does.</summary>
[Collection(SecondPassCollection.Name)]
public sealed class ArticleNavigationTests(SecondPassServer server)
{
    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task Page_list_pager_spread_and_calendar_lead_on_from_an_article(string device, int width, int height)
    {
        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/02/1");

        var side = page.Locator("aside.article-side");
        await Expect(side.Locator("nav.page-list a")).ToHaveCountAsync(4);
        await Expect(side.Locator("nav.page-list a[aria-current=page]")).ToContainTextAsync("第02版");
        await Expect(side.Locator(".pager .current")).ToContainTextAsync("02版");
        await Expect(side.Locator(".calendar td.current a")).ToHaveTextAsync("2");
        await Expect(page.Locator("header.masthead .edition-pager a.previous-edition")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"article view ({device})");
        await ShotAsync(page, "article-navigation", device, fullPage: true);

        // 首版 / 上一版 / 下一版 / 末版 and 展开通版, from the article's side.
        await ClickAndWaitAsync(page, "aside.article-side .pager a.next", Day + "/03");
        await page.GoBackAsync();
        await ClickAndWaitAsync(page, "aside.article-side .pager a.first", Day + "/01");
        await page.GoBackAsync();
        await ClickAndWaitAsync(page, "aside.article-side .pager a.last", Day + "/04");
        await page.GoBackAsync();
        await ClickAndWaitAsync(page, "aside.article-side .pager a.spread-toggle", Day + "/02-03");
        await page.GoBackAsync();
        // 版面导航 and the calendar.
        await ClickAndWaitAsync(page, "aside.article-side nav.page-list a >> nth=3", Day + "/04");
        await page.GoBackAsync();
        await ClickAndWaitAsync(page, "aside.article-side .calendar td.has-edition a >> nth=0", "/binjiang/2026-11-01/01");

        // The arrow keys still follow 上一篇/下一篇 in the article view, not the page pager.
        await page.GotoAsync(Day + "/02/1");
        var next = await page.Locator(".article-pager a.next").GetAttributeAsync("href");
        await page.Keyboard.PressAsync("ArrowRight");
        await WaitForPathAsync(page, next!);
    }
}
