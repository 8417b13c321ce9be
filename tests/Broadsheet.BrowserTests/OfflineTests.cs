using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, item 14: installable (a manifest and a service worker) and offline: load an edition, save it, lose
/// the network (the server is stopped, and the browser set offline), then open another page and an article of
/// it, on a desktop and on a phone.
/// </summary>
public sealed class OfflineTests(OfflineServer server, ITestOutputHelper output) : IClassFixture<OfflineServer>
{
    [Fact]
    public async Task A_saved_edition_reads_without_a_network_on_a_desktop_and_on_a_phone()
    {
        var edition = await EditionAsync(server, "2026-11-02");
        var third = edition.GetProperty("pages")[2];
        var article = third.GetProperty("articles")[0];
        var readers = new List<(string Device, IBrowserContext Context, IPage Page)>();
        foreach (var (device, width, height) in new[] { ("desktop", 1366, 900), ("phone", 390, 844) })
        {
            var context = await NewContextAsync(server, width, height, touch: device == "phone");
            var page = await context.NewPageAsync();
            page.Console += (_, message) => output.WriteLine($"{device} console {message.Type}: {message.Text}");
            await page.GotoAsync(Day + "/01");
            // Installable: a manifest the browser can read, and the service worker in control of the page.
            var manifest = await page.EvaluateAsync<JsonElement>("async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json()");
            Assert.Equal("滨江日报", manifest.GetProperty("name").GetString());
            await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

            var save = page.Locator("[data-save-edition]");
            await save.ClickAsync();
            // Some 80 addresses, four at a time, on a machine shared with other work.
            await Expect(save).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("saved"), new() { Timeout = 180_000 });
            await Expect(page.Locator(".page-tools-js .tool-status")).ToHaveTextAsync("本期已保存，可离线阅读");
            await ShotAsync(page, "offline-saved", device);
            readers.Add((device, context, page));
        }

        // The network is gone: nothing answers at the server's address any more.
        await server.StopServerAsync();
        foreach (var (device, context, page) in readers)
        {
            await context.SetOfflineAsync(true);

            // Another page of the edition, with its image, and the pager works from it.
            await page.GotoAsync(third.GetProperty("readerUrl").GetString()!);
            await Expect(page.Locator("h1.page-title")).ToContainTextAsync("第03版");
            await WaitForImagesAsync(page);
            Assert.True(await page.Locator(".sheet-frame img.page-image").EvaluateAsync<int>("i => i.naturalWidth") > 0);
            await ShotAsync(page, "offline-page", device);
            await ClickAndWaitAsync(page, ".pager a.next", Day + "/04");
            await Expect(page.Locator("h1.page-title")).ToContainTextAsync("第04版");

            // An article of it, by tapping its title.
            await page.GotoAsync(third.GetProperty("readerUrl").GetString()!);
            await page.Locator("nav.toc li a").First.ClickAsync();
            await WaitForPathAsync(page, article.GetProperty("readerUrl").GetString()!);
            await Expect(page.Locator("h1.headline")).ToHaveTextAsync(article.GetProperty("headline").GetString()!);
            await Expect(page.Locator(".article-body p").First).ToBeVisibleAsync();
            await ShotAsync(page, "offline-article", device);

            // What was not saved says so, rather than the browser's own error.
            var response = await page.GotoAsync("/binjiang/2026/10");
            Assert.Equal(503, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("您已离线");
            output.WriteLine($"{device}: read page 03, page 04 and {article.GetProperty("readerUrl").GetString()} offline");
            await context.DisposeAsync();
        }
    }
}
