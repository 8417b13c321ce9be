using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, item 4: the printed hierarchy in the text. A story the generator printed with sub-heads (小标题), imported
/// as `broadsheet import` does, shows them in the article view as headings, set apart from the paragraphs around them.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class PrintedHierarchyTests(SecondPassServer server)
{
    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task A_sub_head_in_a_story_is_a_heading_in_the_article_view(string device, int width, int height)
    {
        var (url, subhead) = await SectionedStoryAsync();
        await using var context = await NewContextAsync(server, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        var heading = page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = subhead, Exact = true });
        await Expect(heading).ToBeVisibleAsync();
        await Expect(heading).ToHaveClassAsync("subhead");
        var body = page.Locator(".article-body p").First;
        var weights = await page.EvaluateAsync<int[]>(
            "([h, p]) => [h, p].map(e => parseInt(getComputedStyle(e).fontWeight, 10))",
            new[] { await heading.ElementHandleAsync(), await body.ElementHandleAsync() });
        Assert.True(weights[0] >= 700 && weights[1] < 700, $"sub-head weight {weights[0]}, paragraph weight {weights[1]}");
        // Set apart from the text: not indented as a paragraph is.
        Assert.Equal("0px", await heading.EvaluateAsync<string>("e => getComputedStyle(e).textIndent"));

        await Axe.AssertNoSeriousViolationsAsync(page, $"article view with sub-heads ({device})");
        await heading.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => window.scrollBy(0, -120)");
        await ShotAsync(page, "article-subheads", device);
    }

    /// <summary>The first article of the edition whose text the API gives with a sub-head, and that sub-head.</summary>
    private async Task<(string Url, string Subhead)> SectionedStoryAsync()
    {
        var edition = await EditionAsync(server, "2026-11-02");
        foreach (var article in edition.GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("articles").EnumerateArray()))
        {
            var subhead = article.GetProperty("body").EnumerateArray().FirstOrDefault(p => p.GetProperty("kind").GetString() == "subhead");
            if (subhead.ValueKind == JsonValueKind.Object)
            {
                return (new Uri(article.GetProperty("readerUrl").GetString()!, UriKind.Relative).ToString(), subhead.GetProperty("text").GetString()!);
            }
        }

        throw new InvalidOperationException("The generated edition has no story with a sub-head: seed 11 printed some when this test was written.");
    }
}
