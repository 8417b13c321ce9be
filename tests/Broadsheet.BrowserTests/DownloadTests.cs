using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests;

/// <summary>The page's PDF and the whole edition's, as a reader downloads them from the page view.</summary>
public sealed class DownloadTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task The_whole_edition_downloads_as_one_pdf_with_every_page_in_order()
    {
        await using var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/binjiang/2026-11-02/01");
        var href = await page.Locator("a.edition-pdf").GetAttributeAsync("href");

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var first = await client.GetAsync(new Uri(href!, UriKind.Relative));
        using var again = await client.GetAsync(new Uri(href!, UriKind.Relative));
        var location = first.Headers.Location!.OriginalString;
        var bytes = await client.GetByteArrayAsync(new Uri(location, UriKind.Relative));
        var file = Path.Combine(Path.GetTempPath(), $"edition-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);

        try
        {
            Assert.Equal("/binjiang/2026-11-02/edition.pdf", href);
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.StartsWith("/media/editions/", location, StringComparison.Ordinal);
            Assert.Equal(location, again.Headers.Location!.OriginalString);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal("4", await QpdfAsync("--show-npages", file));
            // Each page of the merged file reads exactly as that page's own PDF, in page order.
            var edition = await client.GetFromJsonAsync<JsonElement>("/api/v1/publications/binjiang/editions/2026-11-02");
            var pages = edition.GetProperty("pages").EnumerateArray().ToList();
            for (var i = 0; i < pages.Count; i++)
            {
                var single = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.pdf");
                await File.WriteAllBytesAsync(single, await client.GetByteArrayAsync(new Uri(pages[i].GetProperty("pdfUrl").GetString()!, UriKind.Relative)));
                var expected = await MutoolTextAsync(single, 1);
                File.Delete(single);
                Assert.True(expected.Length > 50, $"page {i + 1}'s own PDF has almost no text");
                Assert.Equal(expected, await MutoolTextAsync(file, i + 1));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_pages_pdf_link_downloads_that_page()
    {
        await using var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/binjiang/2026-11-02/02");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.pdf:not(.edition-pdf)").ClickAsync());
        var path = await download.PathAsync();

        Assert.Equal("1", await QpdfAsync("--show-npages", path));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var edition = await client.GetFromJsonAsync<JsonElement>("/api/v1/publications/binjiang/editions/2026-11-02");
        var own = await client.GetByteArrayAsync(new Uri(edition.GetProperty("pages")[1].GetProperty("pdfUrl").GetString()!, UriKind.Relative));
        Assert.Equal(own, await File.ReadAllBytesAsync(path));
    }

    private static Task<string> QpdfAsync(params string[] arguments) => RunAsync("qpdf", arguments);

    private static Task<string> MutoolTextAsync(string file, int page) =>
        RunAsync("mutool", ["draw", "-q", "-F", "txt", "-o", "-", file, page.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    private static async Task<string> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
