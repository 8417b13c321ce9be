using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, items 5 and 15: from a search result the article marks the hits in its text, with next and
/// previous; the marks follow to the page and back; and a query in traditional characters finds simplified text.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class SearchCarryTests(SecondPassServer server)
{
    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task A_result_s_marks_show_in_the_text_with_next_and_previous_and_follow_to_the_page_and_back(string device, int width, int height)
    {
        // A word of the lead article on page 01 that it prints more than once.
        var edition = await EditionAsync(server, "2026-11-02");
        var lead = edition.GetProperty("pages")[0].GetProperty("articles")[0];
        var word = RepeatedWord(lead);
        await WaitForIndexAsync(word);

        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?pub=binjiang&q=" + Uri.EscapeDataString(word));
        await Axe.AssertNoSeriousViolationsAsync(page, $"search results ({device})");
        var hit = page.Locator(".search-hit").Filter(new() { Has = page.Locator(".hit-title", new() { HasText = lead.GetProperty("headline").GetString()! }) });
        await hit.Locator(".hit-title a").ClickAsync();
        await WaitForPathAsync(page, lead.GetProperty("readerUrl").GetString()!);

        var marks = page.Locator("mark.hit");
        var count = await marks.CountAsync();
        Assert.True(count >= 2, $"'{word}' marked {count} times");
        await Expect(page.Locator(".hits-bar")).ToContainTextAsync(word);
        await Expect(page.Locator("mark.hit.current")).ToHaveIdAsync("hit-1");
        await Expect(page.Locator(".hits-position")).ToHaveTextAsync($"1 / {count}");
        await page.Locator(".hits-bar .hit-next").ClickAsync();
        await Expect(page.Locator("mark.hit.current")).ToHaveIdAsync("hit-2");
        await Expect(page.Locator("mark.hit.current")).ToBeInViewportAsync();
        await page.Locator(".hits-bar .hit-previous").ClickAsync();
        await page.Locator(".hits-bar .hit-previous").ClickAsync();
        await Expect(page.Locator("mark.hit.current")).ToHaveIdAsync($"hit-{count}");
        await Axe.AssertNoSeriousViolationsAsync(page, $"article view with marks ({device})");
        await ShotAsync(page, "search-marks-in-text", device);

        // 版面: the page with the marks on its image, within this article; back to the text: marked still.
        await page.Locator(".view-toggle a.to-page").ClickAsync();
        await WaitForPathAsync(page, Day + "/01");
        await Expect(page.Locator(".page-hits rect").First).ToBeAttachedAsync();
        await Expect(page.Locator(".hotspot[data-n='1']")).ToHaveAttributeAsync("id", "a1");
        await ShotAsync(page, "search-marks-on-page", device);
        await page.Locator(".view-toggle a.to-text").ClickAsync();
        await WaitForPathAsync(page, lead.GetProperty("readerUrl").GetString()!);
        await Expect(page.Locator("mark.hit")).ToHaveCountAsync(count);
    }

    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task A_query_in_traditional_characters_finds_and_marks_the_simplified_text(string device, int width, int height)
    {
        var edition = await EditionAsync(server, "2026-11-02");
        var lead = edition.GetProperty("pages")[0].GetProperty("articles")[0];
        // Four characters of the headline, at least one of which is written differently in traditional Chinese.
        var headline = lead.GetProperty("headline").GetString()!;
        var simplified = Enumerable.Range(0, headline.Length - 3).Select(i => headline.Substring(i, 4)).First(w => Traditional(w) != w);
        var traditional = Traditional(simplified);
        await WaitForIndexAsync(simplified);

        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?pub=binjiang&q=" + Uri.EscapeDataString(traditional));
        var hit = page.Locator(".search-hit").Filter(new() { Has = page.Locator(".hit-title", new() { HasText = lead.GetProperty("headline").GetString()! }) });
        await Expect(hit).ToHaveCountAsync(1);
        await ShotAsync(page, "search-traditional", device);
        await hit.Locator(".hit-title a").ClickAsync();
        await WaitForPathAsync(page, lead.GetProperty("readerUrl").GetString()!);
        await Expect(page.Locator("h1 mark.hit")).ToHaveTextAsync(simplified);
    }

    /// <summary>Characters of a few common words in traditional form, enough to write a headline's start that way.</summary>
    private static string Traditional(string simplified)
    {
        var map = new Dictionary<char, char>
        {
            ['国'] = '國', ['发'] = '發', ['业'] = '業', ['区'] = '區', ['务'] = '務', ['进'] = '進', ['开'] = '開', ['场'] = '場',
            ['术'] = '術', ['车'] = '車', ['乡'] = '鄉', ['镇'] = '鎮', ['绿'] = '綠', ['灯'] = '燈', ['贷'] = '貸', ['款'] = '款',
            ['办'] = '辦', ['设'] = '設', ['会'] = '會', ['长'] = '長', ['护'] = '護', ['气'] = '氣', ['温'] = '溫', ['显'] = '顯',
            ['时'] = '時', ['条'] = '條', ['后'] = '後', ['产'] = '產', ['经'] = '經', ['济'] = '濟', ['农'] = '農', ['医'] = '醫',
            ['学'] = '學', ['实'] = '實', ['现'] = '現', ['来'] = '來', ['为'] = '為', ['与'] = '與', ['双'] = '雙', ['节'] = '節',
            ['丽'] = '麗', ['画'] = '畫', ['卷'] = '卷', ['养'] = '養', ['续'] = '續', ['额'] = '額', ['遗'] = '遺', ['城'] = '城',
        };
        return string.Concat(simplified.Select(c => map.TryGetValue(c, out var t) ? t : c));
    }

    /// <summary>A two-character run of the article's text that it prints at least twice.</summary>
    private static string RepeatedWord(JsonElement article)
    {
        var text = string.Concat(article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 2 <= text.Length; i++)
        {
            var pair = text.Substring(i, 2);
            if (pair.All(c => c is >= '\u4E00' and <= '\u9FFF'))
            {
                counts[pair] = counts.GetValueOrDefault(pair) + 1;
            }
        }

        return counts.Where(c => c.Value is >= 2 and <= 5).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
    }

    private async Task WaitForIndexAsync(string phrase)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        for (var attempt = 0; attempt < 90; attempt++)
        {
            var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString(phrase));
            if (result.GetProperty("total").GetInt32() > 0)
            {
                return;
            }

            await Task.Delay(1000);
        }

        Assert.Fail($"the search index never found '{phrase}'");
    }
}
