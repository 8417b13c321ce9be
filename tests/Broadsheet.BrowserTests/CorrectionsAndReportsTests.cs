using System.Text.RegularExpressions;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, items 12 and 13: a corrected article is marked on the page and in its text, with the original one
/// click away and a corrections page and feed; a reader reports a wrong region and it reaches the desk's queue.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed partial class CorrectionsAndReportsTests(SecondPassServer server)
{
    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task A_corrected_article_is_marked_on_the_page_and_in_its_text_with_the_original_one_click_away(string device, int width, int height)
    {
        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/02");

        var badge = page.Locator(".sheet-frame .page-sheet .correction-badge");
        await Expect(badge).ToHaveCountAsync(1);
        await Expect(badge).ToBeVisibleAsync();
        await Expect(page.Locator(".sheet-frame a.hotspot[data-n='1']")).ToHaveAttributeAsync("aria-label", new Regex("已更正"));
        await badge.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "correction-badge", device);

        await page.GotoAsync(SecondPassServer.CorrectedUrl);
        await Expect(page.Locator(".article-meta .correction-badge")).ToHaveTextAsync("更正");
        await Expect(page.Locator(".article-body p").First).ToHaveTextAsync(SecondPassServer.CorrectedText);
        await page.Locator(".article-meta .correction-badge").ClickAsync();
        await Expect(page.Locator("aside#correction")).ToBeInViewportAsync();
        await Expect(page.Locator("aside#correction .correction-note")).ToContainTextAsync("已更正");
        await Axe.AssertNoSeriousViolationsAsync(page, $"corrected article ({device})");
        await ShotAsync(page, "correction-article", device);

        // The printed original, one click away.
        await page.Locator(".correction-links a[href$='/original']").ClickAsync();
        await WaitForPathAsync(page, SecondPassServer.CorrectedUrl + "/original");
        await Expect(page.Locator(".article-body p").First).Not.ToHaveTextAsync(SecondPassServer.CorrectedText);
        await Expect(page.Locator(".original-note a")).ToHaveAttributeAsync("href", SecondPassServer.CorrectedUrl);
        await ShotAsync(page, "correction-original", device);

        // The paper's corrections page, and its feed.
        await page.GotoAsync("/binjiang/corrections");
        await Expect(page.Locator("ol.corrections li h2 a")).ToHaveAttributeAsync("href", SecondPassServer.CorrectedUrl);
        await Axe.AssertNoSeriousViolationsAsync(page, $"corrections page ({device})");
        await ShotAsync(page, "corrections-page", device);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var feed = await client.GetStringAsync(new Uri("/binjiang/corrections.atom", UriKind.Relative));
        Assert.Contains(new Uri(server.BaseAddress, SecondPassServer.CorrectedUrl).ToString(), feed, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task A_reader_flags_a_wrong_region_and_the_desk_finds_it_in_its_queue(string device, int width, int height)
    {
        var article = (await EditionAsync(server, "2026-11-02")).GetProperty("pages")[2].GetProperty("articles")[device == "phone" ? 1 : 0];
        var url = article.GetProperty("readerUrl").GetString()!;
        var note = $"照片下面的一段不在这篇文章的区域里（{device}）";
        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        await page.Locator("details.report summary").ClickAsync();
        await page.Locator("details.report input[value=WrongRegion]").CheckAsync();
        await page.Locator("details.report textarea").FillAsync(note);
        await page.Locator("details.report").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "report-form", device);
        await page.Locator("details.report button[type=submit]").ClickAsync();
        await WaitForPathAsync(page, url + "/report");
        await Expect(page.Locator(".report-done")).ToContainTextAsync("谢谢");
        Assert.Empty(await context.CookiesAsync());
        await ShotAsync(page, "report-thanks", device);

        // The desk: the report in the queue, with where it was read and what was said.
        await page.GotoAsync("/desk/login");
        await page.Locator("input[name=userName]").FillAsync(SecondPassServer.Editor);
        await page.Locator("input[name=password]").FillAsync(SecondPassServer.Password);
        await page.Locator("input[name=password]").PressAsync("Enter");
        await page.ArrivedAtAsync("/desk");
        await page.Locator("nav a[href='/desk/reports']").ClickAsync();
        var row = page.Locator("tr[data-report]", new() { HasText = note });
        await Expect(row).ToContainTextAsync("区域不对");
        await Expect(row).ToContainTextAsync(article.GetProperty("headline").GetString()!);
        await ShotAsync(page, "report-desk-queue", device);
        await row.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("tr[data-report]", new() { HasText = note })).ToHaveCountAsync(0);
    }
}
