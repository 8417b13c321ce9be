using System.Text.Json;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 15, item 10: 朗读 reads an article a paragraph at a time and marks the paragraph being read on the page
/// image (and in the text), and on the page view goes on to the next article of the page when asked. The
/// browser's speech synthesis is replaced by one the test steps through, paragraph by paragraph.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class ReadAloudTests(SecondPassServer server)
{
    // speak() queues an utterance and starts it; __speech.next() ends the one being read, as the end of its audio would.
    private const string FakeSpeech = """
        (() => {
            const queue = [];
            window.__spoken = [];
            window.__speech = {
                next() { const u = queue.shift(); if (u && u.onend) { u.onend({}); } },
                reading() { return queue.length > 0 ? queue[0].text : null; }
            };
            const fake = {
                speak(u) { queue.push(u); window.__spoken.push(u.text); if (queue.length === 1) { setTimeout(() => u.onstart && u.onstart({}), 0); } },
                cancel() { queue.length = 0; },
                getVoices() { return []; },
                addEventListener() {}, removeEventListener() {}
            };
            Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
        })();
        """;

    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task Reading_a_page_aloud_marks_each_paragraph_on_the_image_and_asks_before_the_next_article(string device, int width, int height)
    {
        var front = (await EditionAsync(server, "2026-11-02")).GetProperty("pages")[0];
        var articles = front.GetProperty("articles").EnumerateArray().ToList();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var text = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02/pages/01", UriKind.Relative))).RootElement;
        var lead = text.GetProperty("articles")[0];
        var paragraphs = lead.GetProperty("paragraphs").GetArrayLength();
        Assert.True(lead.GetProperty("paragraphs").EnumerateArray().Count(p => p.GetProperty("boxes").GetArrayLength() > 0) >= paragraphs / 2,
            "most of the lead article's paragraphs are placed on the page");

        await using var context = await NewContextAsync(server, width, height);
        await context.AddInitScriptAsync(FakeSpeech);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Day + "/01");
        var listen = page.Locator("[data-page-listen]");
        await listen.ClickAsync();
        await Expect(listen).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForFunctionAsync("() => window.__spoken.length === 1");
        Assert.Equal(articles[0].GetProperty("headline").GetString(), await page.EvaluateAsync<string>("() => window.__spoken[0]"));
        await Expect(page.Locator(".sheet-frame a.hotspot[data-n='1']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reading"));

        // The first paragraph that the page prints where the lines say: its boxes lie in the lead article's region.
        var first = lead.GetProperty("paragraphs").EnumerateArray().Select((p, i) => (p, i)).First(x => x.p.GetProperty("boxes").GetArrayLength() > 0).i;
        for (var i = 0; i <= first; i++)
        {
            await page.EvaluateAsync("() => window.__speech.next()");
        }

        await page.WaitForFunctionAsync($"() => window.__spoken.length === {first + 2}");
        var marks = page.Locator(".sheet-frame svg.hotspots g.read-marks rect");
        await Expect(marks.First).ToBeAttachedAsync();
        Assert.Equal(lead.GetProperty("paragraphs")[first].GetProperty("boxes").GetArrayLength(), await marks.CountAsync());
        var sheet = (await page.Locator(".sheet-frame svg.hotspots").BoundingBoxAsync())!;
        var regions = RegionsOn(articles[0], "01");
        for (var m = 0; m < await marks.CountAsync(); m++)
        {
            var box = (await marks.Nth(m).BoundingBoxAsync())!;
            var (cx, cy) = ((box.X + (box.Width / 2) - sheet.X) / sheet.Width, (box.Y + (box.Height / 2) - sheet.Y) / sheet.Height);
            Assert.True(regions.Any(r => InteriorPoint.Contains(r, cx, cy)), $"mark {m} at ({cx:0.000}, {cy:0.000}) is outside the article's region");
        }

        await Expect(page.Locator(".listen-bar .listen-now")).ToContainTextAsync(articles[0].GetProperty("headline").GetString()!);
        await marks.First.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "listen-page", device);

        // To the end of the article: the reader is asked before the next one.
        for (var i = first + 1; i < paragraphs + 1; i++)
        {
            await page.EvaluateAsync("() => window.__speech.next()");
        }

        var ask = page.Locator(".listen-ask");
        await Expect(ask).ToBeVisibleAsync();
        await Expect(ask).ToContainTextAsync(articles[1].GetProperty("headline").GetString()!);
        await Expect(marks).ToHaveCountAsync(0);
        await ask.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "listen-ask", device);
        await ask.Locator("[data-listen-next]").ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__spoken[window.__spoken.length - 1] === {JsonSerializer.Serialize(articles[1].GetProperty("headline").GetString())}");
        await Expect(page.Locator(".sheet-frame a.hotspot[data-n='2']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reading"));
        await Expect(ask).ToBeHiddenAsync();

        await page.Locator(".listen-bar [data-listen-stop]").ClickAsync();
        await Expect(listen).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator(".listen-bar")).ToBeHiddenAsync();
    }

    [Theory]
    [MemberData(nameof(Devices), MemberType = typeof(Reader))]
    public async Task Reading_an_article_aloud_marks_the_paragraph_in_the_text_and_on_the_page(string device, int width, int height)
    {
        var lead = (await EditionAsync(server, "2026-11-02")).GetProperty("pages")[0].GetProperty("articles")[0];
        await using var context = await NewContextAsync(server, width, height);
        await context.AddInitScriptAsync(FakeSpeech);
        var page = await context.NewPageAsync();
        await page.GotoAsync(lead.GetProperty("readerUrl").GetString()!);

        await page.Locator("button[data-listen]").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__spoken.length === 1");
        Assert.Contains(lead.GetProperty("headline").GetString()!, await page.EvaluateAsync<string>("() => window.__spoken[0]"), StringComparison.Ordinal);
        await page.EvaluateAsync("() => window.__speech.next()");
        await Expect(page.Locator(".article-body p[data-p='0']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reading"));
        Assert.Equal(await page.Locator(".article-body p[data-p='0']").InnerTextAsync(), await page.EvaluateAsync<string>("() => window.__spoken[1]"));
        await Expect(page.Locator(".page-thumb g.read-marks rect").First).ToBeAttachedAsync();
        await ShotAsync(page, "listen-article", device);

        await page.EvaluateAsync("() => window.__speech.next()");
        await Expect(page.Locator(".article-body p[data-p='1']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reading"));
        await Expect(page.Locator(".article-body p.reading")).ToHaveCountAsync(1);
        await page.Locator("button[data-listen]").ClickAsync();
        await Expect(page.Locator(".article-body p.reading")).ToHaveCountAsync(0);
    }
}
