using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 17, item 2: an edition's IIIF manifest opened in Mirador (from npm, served by the test from another origin,
/// so the server's CORS headers are what lets it in): the page is drawn from the level-0 tiles, the articles are
/// listed as the table of contents, and a search within the edition lists and marks its hits.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class MiradorTests(SecondPassServer server, ITestOutputHelper output) : IAsyncDisposable
{
    private readonly List<WebApplication> _viewers = [];

    private static readonly string? MiradorScript = FindMirador();

    [SkippableFact]
    public async Task Mirador_draws_the_page_from_its_tiles_and_lists_the_articles_as_the_table_of_contents()
    {
        Skip.If(MiradorScript is null, "Mirador is not installed: run `npm ci` in tests/Broadsheet.BrowserTests (scripts/install-deps does).");
        var front = (await EditionAsync(server, "2026-11-02")).GetProperty("pages")[0];
        var headline = front.GetProperty("articles")[0].GetProperty("headline").GetString()!;
        await using var context = await NewContextAsync(server, 1366, 900);
        var page = await OpenAsync(context, new { sideBarOpen = true, sideBarPanel = "canvas" });
        var tiles = 0;
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/iiif/3/", StringComparison.Ordinal) && response.Url.EndsWith("/default.jpg", StringComparison.Ordinal) && response.Status == 200)
            {
                Interlocked.Increment(ref tiles);
            }
        };

        await page.WaitForFunctionAsync("() => document.querySelector('.openseadragon-canvas canvas') !== null");
        await Expect(page.GetByText(headline).First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => performance.getEntriesByType('resource').some(e => e.name.includes('/iiif/3/') && e.name.endsWith('/default.jpg'))");
        await ShotAsync(page, "mirador-contents", "desktop");
        output.WriteLine($"tiles answered 200 while watched: {tiles}");
    }

    [SkippableFact]
    public async Task A_search_in_mirador_lists_the_hits_of_the_edition()
    {
        Skip.If(MiradorScript is null, "Mirador is not installed: run `npm ci` in tests/Broadsheet.BrowserTests (scripts/install-deps does).");
        var front = (await EditionAsync(server, "2026-11-02")).GetProperty("pages")[0];
        var headline = front.GetProperty("articles")[0].GetProperty("headline").GetString()!;
        var word = headline[..2];
        await using var context = await NewContextAsync(server, 1366, 900);
        var searched = new TaskCompletionSource<IResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Response += (_, r) =>
        {
            if (r.Url.Contains("/search1?q=", StringComparison.Ordinal))
            {
                searched.TrySetResult(r);
            }
        };
        var page = await OpenAsync(context, new { defaultSearchQuery = word });

        var response = await searched.Task.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.BodyAsync());
        var hits = json.RootElement.GetProperty("resources").GetArrayLength();
        Assert.True(hits > 0, $"no hit for '{word}'");
        // Mirador lists each hit with its text.
        var first = json.RootElement.GetProperty("resources")[0].GetProperty("resource").GetProperty("chars").GetString()!.Trim('…');
        await ShotAsync(page, "mirador-search", "desktop");
        await Expect(page.GetByText(first[..Math.Min(8, first.Length)]).First).ToBeVisibleAsync();
        // ...and marks them on the page: Mirador paints each hit's box on an overlay canvas over the image, translucent
        // (globalAlpha 0.3) in its search colours (#00BFFF, the selected hit #ffff00); the page image itself is opaque.
        await page.WaitForFunctionAsync("""
            () => [...document.querySelectorAll('.openseadragon-container canvas')].some(c => {
                try {
                    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 0; i < d.length; i += 4) {
                        const [r, g, b, a] = [d[i], d[i + 1], d[i + 2], d[i + 3]];
                        if (a > 30 && a < 200 && ((b > 200 && r < 60) || (r > 200 && g > 200 && b < 60))) return true;
                    }
                } catch { }
                return false;
            })
            """, null, new() { Timeout = 30_000 });
        await ShotAsync(page, "mirador-search", "desktop");
    }

    /// <summary>A page on another origin (a second little server on loopback) with Mirador showing the edition's manifest in one window.</summary>
    private async Task<IPage> OpenAsync(IBrowserContext context, object window)
    {
        var manifest = new Uri(server.BaseAddress, "/iiif/binjiang/2026-11-02/manifest").ToString();
        var html = $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Mirador</title></head>
            <body style="margin:0"><div id="viewer" style="position:absolute;inset:0"></div>
            <script src="/mirador.min.js"></script>
            <script>Mirador.viewer({ id: "viewer", windows: [Object.assign({ manifestId: {{JsonSerializer.Serialize(manifest)}} }, {{JsonSerializer.Serialize(window)}})] });</script>
            </body></html>
            """;
        // Its own port makes it another origin, so only the server's CORS headers let Mirador read the manifest;
        // on loopback, because Chromium keeps pages elsewhere from fetching loopback at all.
        var viewer = WebApplication.Create();
        viewer.Urls.Add("http://127.0.0.1:0");
        viewer.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        viewer.MapGet("/mirador.min.js", () => Results.File(MiradorScript!, "text/javascript"));
        await viewer.StartAsync();
        _viewers.Add(viewer);
        var address = viewer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        await page.GotoAsync(address + "/");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var viewer in _viewers)
        {
            await viewer.DisposeAsync();
        }
    }

    private static string? FindMirador()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "node_modules", "mirador", "dist", "mirador.min.js");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }
}
