using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// An archive issue, a scan read by OCR at import, as a reader meets it: the page image with the articles OCR found
/// as hotspots; one clicked opens its text, said to be read by OCR; a word searched for is marked on the scan where it
/// is printed. Screenshots at 1366 and 390 px go to TestResults/screenshots.
/// </summary>
public sealed class ArchiveScanTests(ScanServer server, ITestOutputHelper output) : IClassFixture<ScanServer>
{
    private const string Page = "/" + ScanServer.Slug + "/" + ScanServer.Date + "/01";

    [Theory]
    [MemberData(nameof(Reader.Devices), MemberType = typeof(Reader))]
    public async Task A_hotspot_on_the_scan_opens_its_ocr_text_and_a_searched_word_is_marked_where_it_is_printed(string device, int width, int height)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var edition = await client.GetFromJsonAsync<JsonElement>($"/api/v1/publications/{ScanServer.Slug}/editions/{ScanServer.Date}");
        var pageJson = edition.GetProperty("pages")[0];
        var articles = pageJson.GetProperty("articles").EnumerateArray().ToList();
        output.WriteLine(string.Join("\n", articles.Select(a => $"{a.GetProperty("headline").GetString()}: {a.GetProperty("paragraphs").GetArrayLength()} paragraphs")));
        // The lighthouse story, as OCR read it: the one whose text holds the word.
        var index = articles.FindIndex(a => Text(a).Contains(ScanServer.Word, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no article OCR found holds '{ScanServer.Word}'");
        Assert.Contains("LIGHTHOUSE", articles[index].GetProperty("headline").GetString(), StringComparison.Ordinal);

        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en",
            BaseURL = server.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        // The scan, its articles as hotspots; a click inside the lighthouse story opens it.
        await page.GotoAsync(Page);
        await WaitForPageImageAsync(page);
        await Assertions.Expect(page.Locator("svg.hotspots a.hotspot")).ToHaveCountAsync(articles.Count);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"archive-scan-page-{device}"), FullPage = true });
        var (x, y) = Reader.PointIn(pageJson, index);
        await ClickOnImageAsync(page, x, y);
        await Reader.WaitForPathAsync(page, articles[index].GetProperty("readerUrl").GetString()!);

        // Its text is OCR's, in the HTML, and the reader is told so.
        await Assertions.Expect(page.Locator("h1.headline")).ToContainTextAsync("LIGHTHOUSE");
        await Assertions.Expect(page.Locator("article.article")).ToContainTextAsync("the keeper knew the channel");
        var note = page.Locator(".ocr-note");
        await Assertions.Expect(note).ToBeVisibleAsync();
        await Assertions.Expect(note).ToContainTextAsync("read from the scanned page by OCR");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"archive-scan-article-{device}"), FullPage = true });

        // Searched from the header, the hit's page link marks the word on the scan, where it is printed.
        await WaitForIndexAsync(client);
        if (device == "phone")
        {
            await page.Locator("a.search-open").ClickAsync();
        }

        await page.Locator("#header-q").FillAsync(ScanServer.Word);
        await page.Locator("#header-search button[type=submit]").ClickAsync();
        await Reader.WaitForPathAsync(page, "/search");
        var hit = page.Locator(".search-hit").First;
        await Assertions.Expect(hit.Locator(".hit-title")).ToContainTextAsync("LIGHTHOUSE");
        await hit.Locator("a.hit-page").ClickAsync();
        await Reader.WaitForPathAsync(page, Page);
        await WaitForPageImageAsync(page);
        var mark = page.Locator(".page-hits rect");
        await Assertions.Expect(mark).ToHaveCountAsync(1);
        var sheet = (await page.Locator(".sheet-frame .page-sheet svg.hotspots").BoundingBoxAsync())!;
        var box = (await mark.BoundingBoxAsync())!;
        var (pageWidth, pageHeight) = ScanServer.PageSize;
        var word = ScanServer.WordBox;
        var centre = (((box.X + (box.Width / 2) - sheet.X) / sheet.Width) * pageWidth, ((box.Y + (box.Height / 2) - sheet.Y) / sheet.Height) * pageHeight);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{device}: mark centred at ({centre.Item1:0}, {centre.Item2:0}) px of the scan; the word is printed at {word}"));
        Assert.InRange(centre.Item1, word.Left, word.Right);
        Assert.InRange(centre.Item2, word.Top - 4, word.Bottom + 4);
        await mark.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"archive-scan-search-{device}") });
    }

    private static string Text(JsonElement article) =>
        string.Join(' ', article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));

    /// <summary>The server indexes what was imported before it started in the background; wait until it answers.</summary>
    private static async Task WaitForIndexAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + ScanServer.Word);
            if (result.GetProperty("total").GetInt32() > 0)
            {
                return;
            }

            await Task.Delay(1000);
        }

        Assert.Fail($"the search index never found '{ScanServer.Word}'");
    }

    private static Task WaitForPageImageAsync(IPage page) =>
        page.WaitForFunctionAsync("() => { const i = document.querySelector('img.page-image'); return i && i.complete && i.naturalWidth > 0; }");

    /// <summary>Scrolls the point (0..1 of the page) to the middle of the window and clicks it.</summary>
    private static async Task ClickOnImageAsync(IPage page, double x, double y)
    {
        var image = page.Locator("img.page-image");
        var box = (await image.BoundingBoxAsync())!;
        var scrollY = await page.EvaluateAsync<double>("() => window.scrollY");
        await page.EvaluateAsync("y => window.scrollTo(0, y)", Math.Max(0, scrollY + box.Y + (y * box.Height) - (page.ViewportSize!.Height / 2.0)));
        box = (await image.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + (x * box.Width)), (float)(box.Y + (y * box.Height)));
    }
}
