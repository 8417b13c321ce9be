using System.Globalization;
using System.Net;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, item 8: in the documented production setup (<c>deploy/nginx/broadsheet.conf</c>, docs/operations.md)
/// nginx sends page images, photos, tiles and cards from the blob folder itself and passes the rest to the app; a
/// reader in Chromium sees the same pages as from the app alone. nginx's own <c>ETag</c> (modification time and
/// size in hex) says a file came from disk rather than from the app.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class NginxFrontTests(SecondPassServer server, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Behind_the_production_nginx_media_comes_from_disk_and_pages_from_the_app()
    {
        Skip.If(NginxFront.Binary is null, "nginx is not installed (scripts/install-deps --bench installs it)");
        var work = Path.Combine(server.Root, "nginx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        await using var nginx = await NginxFront.StartAsync(server, work);

        try
        {
            await using var context = await server.Browser.NewContextAsync(new()
            {
                ViewportSize = new() { Width = 1366, Height = 900 },
                Locale = "zh-CN",
                BaseURL = nginx.Address.ToString(),
                IgnoreHTTPSErrors = true,
            });
            context.SetDefaultTimeout(60_000);
            var responses = new List<IResponse>();
            var page = await context.NewPageAsync();
            page.Response += (_, response) => responses.Add(response);

            // The page view: HTML from the app (its Content-Security-Policy), the page image from disk.
            var document = await page.GotoAsync(Day + "/01", new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Equal(200, document!.Status);
            Assert.Contains("script-src 'self'", (await document.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
            await WaitForImagesAsync(page);
            var sheet = page.Locator("img.page-image").First;
            Assert.True(await sheet.EvaluateAsync<int>("i => i.naturalWidth") > 500);
            await AssertFromDiskAsync(responses, new Uri(await sheet.EvaluateAsync<string>("i => i.currentSrc")).AbsolutePath);
            await ShotAsync(page, "nginx-page", "desktop");

            // An article with a photo: the photo's own image from disk.
            using var client = nginx.Client();
            var edition = await EditionAsync(server, "2026-11-02");
            var withPhoto = edition.GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("articles").EnumerateArray())
                .First(a => a.GetProperty("images").EnumerateArray().Any(i => i.GetProperty("url").ValueKind == System.Text.Json.JsonValueKind.String));
            await page.GotoAsync(withPhoto.GetProperty("readerUrl").GetString()!, new() { WaitUntil = WaitUntilState.NetworkIdle });
            await WaitForImagesAsync(page);
            var photo = page.Locator("article figure.photo img").First;
            Assert.True(await photo.EvaluateAsync<int>("i => i.naturalWidth") > 100);
            await AssertFromDiskAsync(responses, new Uri(await photo.EvaluateAsync<string>("i => i.currentSrc")).AbsolutePath);

            // A share card: the app makes it and sends the reader to /media, which nginx then serves from disk.
            using var card = await client.GetAsync(new Uri(Day + "/01/1/card.jpg", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Found, card.StatusCode);
            var cardPath = card.Headers.Location!.OriginalString;
            Assert.StartsWith("/media/cards/", cardPath, StringComparison.Ordinal);
            using var cardImage = await client.GetAsync(new Uri(cardPath, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, cardImage.StatusCode);
            Assert.Equal("image/jpeg", cardImage.Content.Headers.ContentType?.MediaType);
            Assert.Equal(ExpectedEtag(cardPath), cardImage.Headers.ETag?.Tag);

            // HEAD through nginx, as without it; a blob that is not on disk is the app's 404.
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Day + "/02"));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            using var missing = await client.GetAsync(new Uri("/media/pages/00/nothing-here/page.webp", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        finally
        {
            output.WriteLine(nginx.ErrorLog);
        }
    }

    private async Task AssertFromDiskAsync(List<IResponse> responses, string path)
    {
        var response = responses.Last(r => new Uri(r.Url).AbsolutePath == path);
        var headers = await response.AllHeadersAsync();
        Assert.Equal(200, response.Status);
        Assert.Equal("public, max-age=31536000, immutable", headers["cache-control"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal(ExpectedEtag(path), headers["etag"]);
    }

    /// <summary>The ETag nginx gives a file it sends itself: its modification time and its size, in hex.</summary>
    private string ExpectedEtag(string mediaPath)
    {
        var file = new FileInfo(Path.Combine(server.DataPath, "blobs", Uri.UnescapeDataString(mediaPath["/media/".Length..])));
        Assert.True(file.Exists, $"{mediaPath} is not in the blob folder");
        var seconds = new DateTimeOffset(file.LastWriteTimeUtc).ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"\"{seconds:x}-{file.Length:x}\"");
    }
}
