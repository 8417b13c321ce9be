using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.BrowserTests.Corpus;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// What detection found on real pages, as readers and the desk see it: the pages imported as their papers send them,
/// the reader's page shows a region for every article the API lists and nine in ten of the printed articles are there
/// whole, and the desk's review draws them on the page. Screenshots at 1366 px of each (the reader's regions outlined)
/// go to TestResults/screenshots. Skipped, saying why, where the shared corpus is absent.
/// </summary>
public sealed class DetectionOnRealPagesTests(RealPagesServer server, ITestOutputHelper output) : IClassFixture<RealPagesServer>
{
    [SkippableTheory]
    [InlineData("gansu")]
    [InlineData("nyt")]
    [InlineData("hindu")]
    public async Task The_articles_found_on_a_real_page_are_drawn_on_it_in_the_reader_and_the_desk(string slug)
    {
        Skip.If(RealPagesServer.Folder is null, "the shared corpus of real pages (../shared/corpus/real beside the repository) is not on this machine");
        var real = RealPagesServer.Pages.Single(p => p.Slug == slug);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var edition = await client.GetFromJsonAsync<JsonElement>($"/api/v1/publications/{slug}/editions/{real.Date}");
        var results = TruthScore.Score(edition, TruthScore.Read(Path.Combine(RealPagesServer.Folder!, real.File + ".truth.json")));
        foreach (var lost in results.Where(r => r.Found is null))
        {
            output.WriteLine($"lost '{lost.Truth.Headline}': {lost.Why}");
        }

        Assert.True(results.Count(r => r.Found is not null) >= 0.9 * results.Count, $"{results.Count(r => r.Found is not null)} of {results.Count} recovered through import and API");
        var pageJson = edition.GetProperty("pages").EnumerateArray().Single();
        var articles = pageJson.GetProperty("articles").GetArrayLength();

        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = real.Language,
            BaseURL = server.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(pageJson.GetProperty("readerUrl").GetString()!);
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.page-image'); return i && i.complete && i.naturalWidth > 0; }");
        await Assertions.Expect(page.Locator("svg.hotspots a.hotspot")).ToHaveCountAsync(articles);
        // Outlined for the picture only: readers see a region when they point at it.
        await page.AddStyleTagAsync(new() { Content = "svg.hotspots a.hotspot polygon { fill: rgba(200, 30, 30, .12) !important; stroke: #c81e1e !important; stroke-width: 2px !important; vector-effect: non-scaling-stroke; }" });
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"detected-{slug}-reader"), FullPage = true });

        await page.GotoAsync("/desk/login");
        await page.Locator("input[name=userName]").FillAsync(RealPagesServer.Editor);
        await page.Locator("input[name=password]").FillAsync(RealPagesServer.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync("/desk");
        await page.GotoAsync($"/desk/{slug}/{real.Date}/{real.Label}");
        await Assertions.Expect(page.Locator("polygon[data-article]").First).ToBeAttachedAsync();
        var drawn = await page.Locator("polygon[data-article]").EvaluateAllAsync<string[]>("ps => [...new Set(ps.map(p => p.dataset.article))]");
        Assert.Equal(articles, drawn.Length);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"detected-{slug}-desk") });
    }
}
