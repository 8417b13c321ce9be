using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Broadsheet.BrowserTests.Corpus;
using Broadsheet.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The nightly 标引 at the desk on real pages: an editor uploads a page a paper printed, opens what the desk flags,
/// fixes every structural mistake on the page itself and publishes; the reader's JSON then holds every article of the
/// page whole (the corpus's score.py, ported: <see cref="TruthScore"/>). The editor's clicks and keys are counted and
/// timed at a person's pace: at most 40 actions and under three minutes. Skipped, saying why, where the shared corpus
/// of real pages is absent.
/// </summary>
public sealed class DeskIndexingTests(CorpusServer server, ITestOutputHelper output) : IClassFixture<CorpusServer>
{
    private const int MaxActions = 40;
    private const double MaxSeconds = 180;

    [SkippableFact]
    public Task A_legal_dailys_page_is_indexed_at_the_desk_in_under_three_minutes() => ReplayAsync(CorpusPage.Gansu);

    [SkippableFact]
    public Task An_evening_papers_page_with_adverts_is_indexed_at_the_desk_in_under_three_minutes() => ReplayAsync(CorpusPage.Fuzhou);

    private async Task ReplayAsync(CorpusPage corpus)
    {
        Skip.If(CorpusServer.Missing is not null, CorpusServer.Missing);
        var truth = TruthScore.Read(corpus.TruthPath);
        // As the paper's production system names its page files; a copy beside the test data, never in the repository.
        var upload = Path.Combine(server.Root, "uploads-" + corpus.Slug, corpus.Upload);
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        File.Copy(corpus.PdfPath, upload, overwrite: true);

        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = "zh-CN",
            BaseURL = server.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"console {message.Type}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                output.WriteLine($"{response.Status}: {response.Url}");
            }
        };
        await page.GotoAsync("/desk/login");
        await page.Locator("input[name=userName]").FillAsync(CorpusServer.Editor);
        await page.Locator("input[name=password]").FillAsync(CorpusServer.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync("/desk");
        await page.GotoAsync($"/desk/{corpus.Slug}");

        // From the paper's calendar, as the night's work starts: upload the page.
        var editor = new EditorActions(page);
        var clock = Stopwatch.StartNew();
        await editor.ClickAsync(page.Locator($"a[href='/desk/{corpus.Slug}/upload']"), "上传新一期");
        await editor.ChooseFilesAsync(page.Locator("#upload-files"), [upload], "选择版面 PDF");
        await editor.TypeAsync(page.Locator("input[name=date]"), corpus.Date, "日期");
        await editor.ClickAsync(page.Locator("#upload-start"), "开始上传");
        await Assertions.Expect(page.Locator("#import-job")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 300_000 });
        output.WriteLine($"upload and import: {clock.Elapsed.TotalSeconds:0.0} s");
        await editor.ClickAsync(page.Locator("#import-review"), "去校对");

        // The edition: what needs a look, worst first, across its pages.
        await Assertions.Expect(page.Locator(".edition-doubts")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"desk-flagged-{corpus.Slug}-1366"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page, "desk edition with its doubt list");
        var flagged = page.Locator(".edition-doubt-list .doubt-go");
        if (await flagged.CountAsync() > 0)
        {
            await editor.ClickAsync(flagged.First, "打开第一条“需要检查”");
        }
        else
        {
            await editor.ClickAsync(page.Locator(".pages-table th a").First, "打开版面");
        }

        await page.WaitForFunctionAsync("() => document.querySelector('[data-review]')?.dataset.viewer");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"desk-review-{corpus.Slug}-1366") });
        // The imported regions have no corner twice over: each vertex the editor sees is one to drag.
        var repeated = await page.Locator(".review-regions polygon").EvaluateAllAsync<string[]>("""
            polygons => polygons.map(p => p.getAttribute("points").trim().split(/\s+/))
                .filter(points => points.some((point, i) => point === points[(i + 1) % points.length]))
                .map(points => points.join(" "))
            """);
        Assert.True(repeated.Length == 0, $"imported regions repeat a corner: {string.Join("; ", repeated)}");
        await Axe.AssertNoViolationsAsync(page, "desk review page");

        var replay = new PageReplay(editor, truth, output.WriteLine);
        await replay.FixAsync();
        // No region is left over another article's photo or text: a reader's tap opens the article printed there.
        Assert.DoesNotContain((await ReviewState.ReadAsync(page)).Doubts, d => d.Kind is "CoversPhoto" or "Overlap");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"desk-review-{corpus.Slug}-fixed-1366") });

        // Publish: back to the edition, publish, confirm.
        await editor.ClickAsync(page.Locator(".review-back a"), "回到这一期");
        await editor.ClickAsync(page.Locator("form[action$='handler=Publish'] button"), "立即发布");
        editor.Confirmed("确认发布");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Published");

        foreach (var line in editor.Log)
        {
            output.WriteLine(line);
        }

        output.WriteLine(editor.ToString());
        var json = await page.APIRequest.GetAsync($"/api/v1/publications/{corpus.Slug}/editions/{corpus.Date}");
        Assert.True(json.Ok, $"the edition's JSON answered {json.Status}");
        var body = await json.TextAsync();
        using var edition = JsonDocument.Parse(body);
        var results = TruthScore.Score(edition.RootElement, truth);
        var lost = results.Where(r => r.Found is null).Select(r => $"{r.Truth.Headline}: {r.Why}").ToList();
        await File.WriteAllTextAsync(Path.Combine(Screenshots.Folder, $"desk-replay-{corpus.Slug}.txt"),
            string.Join('\n', [.. editor.Log, editor.ToString(), $"recovered {results.Count - lost.Count}/{results.Count}", .. lost]));
        await File.WriteAllTextAsync(Path.Combine(Screenshots.Folder, $"desk-replay-{corpus.Slug}.edition.json"), body);

        // The article editor of the story that took the most fixes: its page, its region, its lines, its photos.
        var fixedMost = results.Where(r => r.Found is not null).OrderByDescending(r => editor.Log.Count(l => l.Contains(r.Found!.Value.GetProperty("headline").GetString()![..4], StringComparison.Ordinal))).First();
        var headline = fixedMost.Found!.Value.GetProperty("headline").GetString()!;
        await page.GotoAsync($"/desk/{corpus.Slug}/{corpus.Date}");
        await page.Locator(".article-list a", new() { HasTextString = headline }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".article-page-picture").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"desk-article-{corpus.Slug}-1366") });
        await Axe.AssertNoViolationsAsync(page, "desk article page");

        Assert.True(lost.Count == 0, $"{lost.Count} of {results.Count} articles are not whole after the fixes:\n{string.Join('\n', lost)}\n{editor}");
        Assert.True(editor.Actions <= MaxActions, $"the fixes took {editor}, more than {MaxActions} actions");
        Assert.True(editor.Seconds < MaxSeconds, $"the fixes took {editor}, more than {MaxSeconds} s");
    }
}
