using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests;

/// <summary>A reader searches from the page view, opens a result's page and sees the phrase marked on the page image.</summary>
public sealed class SearchTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Search_from_the_page_view_then_see_the_phrase_marked_on_the_page(string device, int width, int height)
    {
        // A headline printed on page 03 of the newest edition, as the reader remembers it.
        var edition = await GetJsonAsync<JsonElement>("/api/v1/publications/binjiang/editions/2026-11-02");
        var story = edition.GetProperty("pages")[2].GetProperty("articles").EnumerateArray()
            .First(a => a.GetProperty("kind").GetString() == "story" && a.GetProperty("headline").GetString()!.Length >= 6);
        var phrase = story.GetProperty("headline").GetString()![..4];
        await WaitForIndexAsync(phrase);

        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            BaseURL = server.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/binjiang/2026-11-02/01");

        if (device == "phone")
        {
            // On a phone the header search opens from its button.
            await page.Locator("a.search-open").ClickAsync();
        }

        await page.Locator("#header-q").FillAsync(phrase);
        await page.Locator("#header-search button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync("/search");
        var hits = page.Locator(".search-hit");
        await Assertions.Expect(hits.First).ToBeVisibleAsync();
        await Assertions.Expect(hits.First.Locator(".hit-snippet mark, .hit-title").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"search-results-{device}"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(page, $"search results ({device})");

        // The result whose headline it is, and its page link: the phrase marked on the page image.
        var hit = hits.Filter(new() { Has = page.Locator(".hit-title", new() { HasText = story.GetProperty("headline").GetString()! }) }).First;
        await hit.Locator("a.hit-page").ClickAsync();
        await page.ArrivedAtAsync("/binjiang/2026-11-02/03");
        var marks = page.Locator(".page-hits rect");
        await Assertions.Expect(marks.First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".hits-note")).ToContainTextAsync(phrase);

        // Every mark lies on the page image, inside the article's region.
        var sheet = (await page.Locator(".sheet-frame .page-sheet svg.hotspots").BoundingBoxAsync())!;
        var region = story.GetProperty("regions").EnumerateArray().First(r => r.GetProperty("page").GetString() == "03");
        var xs = region.GetProperty("points").EnumerateArray().Select(p => p[0].GetDouble()).ToList();
        var ys = region.GetProperty("points").EnumerateArray().Select(p => p[1].GetDouble()).ToList();
        for (var i = 0; i < await marks.CountAsync(); i++)
        {
            var box = (await marks.Nth(i).BoundingBoxAsync())!;
            var (x, y) = ((box.X + (box.Width / 2) - sheet.X) / sheet.Width, (box.Y + (box.Height / 2) - sheet.Y) / sheet.Height);
            Assert.InRange(x, xs.Min(), xs.Max());
            Assert.InRange(y, ys.Min(), ys.Max());
            Assert.True(box.Width > 4 && box.Height > 2, $"mark {i} is {box.Width}x{box.Height} px");
        }

        await marks.First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"search-marked-page-{device}") });
    }

    /// <summary>The server builds its index in the background when it starts; wait until it answers.</summary>
    private async Task WaitForIndexAsync(string phrase)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var result = await GetJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString(phrase));
            if (result.GetProperty("total").GetInt32() > 0)
            {
                return;
            }

            await Task.Delay(1000);
        }

        Assert.Fail($"the search index never found '{phrase}'");
    }

    private async Task<T> GetJsonAsync<T>(string url)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return (await client.GetFromJsonAsync<T>(url))!;
    }
}
