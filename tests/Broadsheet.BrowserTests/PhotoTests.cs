using System.Globalization;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, item 2 and the weights it promises: an article's photo is an image of its own (from the PDF's
/// picture), not the whole page image cut in the browser; an article with a photo costs at most 250 KB on first
/// view and a page view at most 400 KB.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class PhotoTests(SecondPassServer server, ITestOutputHelper output)
{
    private const long ArticleBudget = 250 * 1024;
    private const long PageBudget = 400 * 1024;

    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task An_article_s_photo_is_its_own_image_and_the_article_costs_at_most_250_KB(string device, int width, int height)
    {
        var edition = await EditionAsync(server, "2026-11-02");
        var article = edition.GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("articles").EnumerateArray())
            .First(a => a.GetProperty("images").EnumerateArray().Any(i => i.GetProperty("url").ValueKind == System.Text.Json.JsonValueKind.String));
        var photoUrl = article.GetProperty("images")[0].GetProperty("url").GetString()!;
        var photoFolder = photoUrl[..photoUrl.LastIndexOf('/')];
        var pageImages = edition.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("imageUrl").GetString()!).ToList();

        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(article.GetProperty("readerUrl").GetString()!, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitForImagesAsync(page);

        var img = page.Locator("article figure.photo img").First;
        var current = await img.EvaluateAsync<string>("i => i.currentSrc");
        Assert.Contains(photoFolder + "/page.webp", current, StringComparison.Ordinal);
        Assert.True(await img.EvaluateAsync<int>("i => i.naturalWidth") > 100);
        var (total, items) = await TransferredAsync(page);
        foreach (var (url, bytes) in items.OrderByDescending(i => i.Bytes))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{device}: {bytes,8:N0} B {url}"));
        }

        Assert.DoesNotContain(items, i => pageImages.Any(p => i.Url.EndsWith(p, StringComparison.Ordinal)));
        Assert.True(total <= ArticleBudget, string.Create(CultureInfo.InvariantCulture, $"{device}: the article's first view cost {total:N0} B, more than {ArticleBudget:N0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{device}: article with a photo, first view {total:N0} B ({total / 1024.0:0.0} KB)"));
        await Axe.AssertNoSeriousViolationsAsync(page, $"article view with a photo ({device})");
        await ShotAsync(page, "photo-article", device);
    }

    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task A_page_view_costs_at_most_400_KB(string device, int width, int height)
    {
        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/01", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitForImagesAsync(page);

        var (total, items) = await TransferredAsync(page);
        foreach (var (url, bytes) in items.OrderByDescending(i => i.Bytes).Take(8))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{device}: {bytes,8:N0} B {url}"));
        }

        Assert.True(total <= PageBudget, string.Create(CultureInfo.InvariantCulture, $"{device}: the page view cost {total:N0} B, more than {PageBudget:N0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{device}: page view, first view {total:N0} B ({total / 1024.0:0.0} KB)"));
    }
}
