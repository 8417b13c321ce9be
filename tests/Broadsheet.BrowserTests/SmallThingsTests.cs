using System.Net;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, item 7: HEAD where GET is, a favicon, the search and 往期回顾 pages keep the header search and the
/// date, a disabled 下一期 looks disabled, <c>/…/6</c> leads to <c>/…/06</c>, and 网站首页 where the paper has a site.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class SmallThingsTests(SecondPassServer server)
{
    [Theory]
    [InlineData("/binjiang/2026-11-02/edition.pdf")]
    [InlineData("/binjiang/2026-11-02/01/1/card.jpg")]
    [InlineData("/binjiang/2026-11-02/01/clip/1000,1000,4000,3000.jpg")]
    [InlineData("/favicon.ico")]
    public async Task Head_is_answered_as_get_is(string url)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var get = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(get.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found, $"GET {url}: {(int)get.StatusCode}");
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Headers.Location, head.Headers.Location);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task The_small_things_a_reader_notices(string device, int width, int height)
    {
        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        var icons = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("favicon", StringComparison.Ordinal) && response.Status == 200)
            {
                icons.Add(response.Url);
            }
        };

        // A page number written short.
        await page.GotoAsync(Day + "/2");
        await WaitForPathAsync(page, Day + "/02");

        // 网站首页: the paper's own site.
        await Expect(page.Locator($"a[href='{SecondPassServer.Website}']")).ToHaveTextAsync("网站首页");

        // The newest edition's 下一期 is plain text in grey, not a button.
        var next = page.Locator(".edition-pager .disabled");
        await Expect(next).ToHaveTextAsync("下一期");
        Assert.Equal("rgba(0, 0, 0, 0)", await next.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("dashed", await next.EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle"));
        Assert.Equal(0, await page.Locator(".edition-pager a.next-edition").CountAsync());

        // The search page and 往期回顾 keep the header search box and the date.
        foreach (var url in new[] { "/search?q=%E6%BB%A8%E6%B1%9F&pub=binjiang", "/binjiang/2026/11" })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("header.masthead .edition-date time")).ToHaveAttributeAsync("datetime", "2026-11-02");
            await Expect(page.Locator("header.masthead #header-search input[name=pub]")).ToHaveAttributeAsync("value", "binjiang");
            if (device == "desktop")
            {
                await Expect(page.Locator("#header-q")).ToBeVisibleAsync();
            }

            await ShotAsync(page, url.StartsWith("/search", StringComparison.Ordinal) ? "small-search" : "small-calendar", device);
        }

        // A favicon the browser found.
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal("image/svg+xml", (await client.GetAsync(new Uri("/favicon.svg", UriKind.Relative))).Content.Headers.ContentType?.MediaType);
        await Expect(page.Locator("link[rel=icon][href='/favicon.svg']")).ToHaveCountAsync(1);
    }
}
