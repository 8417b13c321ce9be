using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>What the reader's browser tests share: the two screen sizes, a context for each, waiting for a path, screenshots, the API.</summary>
internal static class Reader
{
    public const string Day = "/binjiang/2026-11-02";

    public static TheoryData<string, int, int> Devices => new() { { "desktop", 1366, 900 }, { "phone", 390, 844 } };

    /// <summary>A fresh context (no cache, no storage) at the size given; touch on the phone when asked.</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserServer server, int width, int height, bool touch = false, bool javaScript = true)
    {
        var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            BaseURL = server.BaseAddress.ToString(),
            HasTouch = touch,
            JavaScriptEnabled = javaScript,
        });
        // Two cores shared with four other workers: give slow moments room, without hiding a link that never navigates.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    public static Task WaitForPathAsync(IPage page, string path) =>
        page.ArrivedAtAsync(path, Ready.DomContentLoaded);

    public static async Task ClickAndWaitAsync(IPage page, string selector, string path)
    {
        await page.Locator(selector).First.ClickAsync();
        await WaitForPathAsync(page, path);
    }

    /// <summary>Saves a screenshot as TestResults/screenshots/{name}-{device}.png (the whole page when asked).</summary>
    public static Task ShotAsync(IPage page, string name, string device, bool fullPage = false) =>
        page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"{name}-{device}"), FullPage = fullPage });

    public static Task WaitForImagesAsync(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.querySelectorAll('img[src]')].filter(i => i.loading !== 'lazy').every(i => i.complete && i.naturalWidth > 0)");

    public static async Task<JsonElement> EditionAsync(BrowserServer server, string date)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/publications/binjiang/editions/{date}");
    }

    /// <summary>The regions of an article on one page, as polygons of (x, y) in 0..1.</summary>
    public static List<IReadOnlyList<(double X, double Y)>> RegionsOn(JsonElement article, string label) =>
        [.. article.GetProperty("regions").EnumerateArray()
            .Where(r => r.GetProperty("page").GetString() == label)
            .Select(r => (IReadOnlyList<(double X, double Y)>)[.. r.GetProperty("points").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))])];

    /// <summary>A point well inside article <paramref name="index"/> of a page (from the API), away from the others.</summary>
    public static (double X, double Y) PointIn(JsonElement pageJson, int index)
    {
        var label = pageJson.GetProperty("label").GetString()!;
        var articles = pageJson.GetProperty("articles").EnumerateArray().ToList();
        var regions = articles.Select(a => RegionsOn(a, label)).ToList();
        var others = regions.Where((_, k) => k != index).SelectMany(r => r).ToList();
        return InteriorPoint.InAny(regions[index], others)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"article {index + 1} of page {label} is covered by others"));
    }

    /// <summary>The bytes a page cost the browser over the network, from the resource timing of everything it fetched.</summary>
    public static async Task<(long Total, IReadOnlyList<(string Url, long Bytes)> Items)> TransferredAsync(IPage page)
    {
        var entries = await page.EvaluateAsync<JsonElement>("""
            () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                .map(e => ({ url: e.name, bytes: e.transferSize }))
            """);
        var items = entries.EnumerateArray().Select(e => (e.GetProperty("url").GetString()!, e.GetProperty("bytes").GetInt64())).ToList();
        return (items.Sum(i => i.Item2), items);
    }
}
