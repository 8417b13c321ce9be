using Broadsheet.BrowserTests.Fixtures;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Accounts;
using Broadsheet.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests;

/// <summary>
/// An editor signs in, drops a generated edition's page PDFs on the upload page, watches the import finish page by
/// page, and publishes the draft it made, which readers then see; an admin's screens are looked at too.
/// </summary>
public sealed class DeskUploadTests(DeskUploadTests.DeskServer server) : IClassFixture<DeskUploadTests.DeskServer>
{
    private const string Password = "night desk password";

    [Fact]
    public async Task Sign_in_upload_an_edition_watch_every_page_finish_and_publish_the_draft()
    {
        var package = Path.Combine(server.Root, "2026-11-20");
        var sample = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 31, PageCount = 4, Date = new DateOnly(2026, 11, 20) }, package);

        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1366, Height = 900 },
            BaseURL = server.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        // Signed out, the upload page sends the editor to sign in and back.
        await page.GotoAsync("/desk/binjiang/upload");
        await page.ArrivedAtAsync("/desk/login");
        await page.Locator("input[name=userName]").FillAsync("night-editor");
        await page.Locator("input[name=password]").FillAsync(Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        // The first page this server renders: under a shared machine's load it may take longer than the default.
        await page.ArrivedAtAsync("/desk/binjiang/upload", timeout: TimeSpan.FromSeconds(180));

        await page.Locator("input[name=date]").FillAsync("2026-11-20");
        await page.Locator("#upload-files").SetInputFilesAsync(sample.Pages.Select(p => p.PdfPath));
        await Assertions.Expect(page.Locator("#upload-list li")).ToHaveCountAsync(sample.Pages.Count);
        // The drop area is the button: the browser's own file button is not drawn inside it.
        Assert.True((await page.Locator("#upload-files").BoundingBoxAsync())!.Width <= 1, "the browser's file button shows in the upload area");
        await Assertions.Expect(page.Locator("#upload-list")).ToContainTextAsync(Path.GetFileName(sample.Pages[0].PdfPath));
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-upload-1366"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page, "desk upload");

        await page.Locator("#upload-start").ClickAsync();
        await page.ArrivedAsync(url => new Uri(url).AbsolutePath.StartsWith("/desk/imports/", StringComparison.Ordinal));
        // However far the import has got by now: the table filling in, for the screenshot.
        await page.Locator("#import-pages td.step-done").First.WaitForAsync();
        // Taken while the import keeps both cores busy, so Chromium may wait long for a frame.
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-import-progress-1366"), Timeout = 180_000 });
        var job = page.Locator("#import-job");
        await Assertions.Expect(job).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 180_000 });

        // Every page has its row, every step filled in, its name and the articles found on it.
        var rows = page.Locator("#import-pages tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(sample.Pages.Count);
        for (var i = 0; i < sample.Pages.Count; i++)
        {
            var row = rows.Nth(i);
            await Assertions.Expect(row).ToHaveAttributeAsync("data-label", sample.Pages[i].Label);
            await Assertions.Expect(row.Locator(".page-name")).ToHaveTextAsync(sample.Pages[i].Name);
            await Assertions.Expect(row.Locator("td.step-done")).ToHaveCountAsync(5);
            var articles = int.Parse(await row.Locator(".page-articles").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(articles > 0, $"page {sample.Pages[i].Label} lists no articles");
        }

        await Assertions.Expect(page.Locator("#import-percent")).ToHaveTextAsync("100%");
        await Assertions.Expect(page.Locator("#import-review")).ToHaveAttributeAsync("href", "/desk/binjiang/2026-11-20");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-import-done-1366"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page, "desk import progress");

        // The paper's imports wait for the desk: readers do not see the edition yet.
        var reader = await context.NewPageAsync();
        var before = await reader.GotoAsync("/binjiang/2026-11-20/01");
        Assert.Equal(404, before?.Status);

        await page.Locator("#import-review").ClickAsync();
        await page.ArrivedAtAsync("/desk/binjiang/2026-11-20");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Draft");
        await Assertions.Expect(page.Locator(".pages-table tbody tr")).ToHaveCountAsync(sample.Pages.Count);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-edition-1366"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page, "desk edition");
        // Publishing asks first; the editor says yes.
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await page.Locator("form[action$='handler=Publish'] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Published");
        Assert.Contains(asked, m => m.Contains("确定发布", StringComparison.Ordinal));

        // Published: the reader has it at once, hotspots and all.
        var after = await reader.GotoAsync("/binjiang/2026-11-20/01");
        Assert.True(after?.Ok, $"reader answered {after?.Status}");
        await Assertions.Expect(reader.Locator("a.hotspot").First).ToBeAttachedAsync();

        await page.GotoAsync("/desk/binjiang");
        await Assertions.Expect(page.Locator("a.edition-chip.status-published[href='/desk/binjiang/2026-11-20']")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-calendar-1366"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page, "desk calendar");
    }

    [Fact]
    public async Task The_admin_screens_fit_a_laptop_and_pass_axe()
    {
        await using var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1366, Height = 900 },
            BaseURL = server.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/desk/login");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("desk-login-1366") });
        await Axe.AssertNoViolationsAsync(page, "desk login");
        await page.Locator("input[name=userName]").FillAsync("chief");
        await page.Locator("input[name=password]").FillAsync(Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync("/desk");

        foreach (var (url, name) in new[]
        {
            ("/desk", "desk-home"), ("/desk/admin/publications", "desk-publications"), ("/desk/admin/publications/binjiang", "desk-publication"),
            ("/desk/admin/users", "desk-users"), ("/desk/admin/audit", "desk-audit"),
        })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response?.Ok, $"{url} answered {response?.Status}");
            // Nothing wider than the laptop's screen: no sideways scrolling.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{url} scrolls sideways at 1366 px");
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor(name + "-1366"), FullPage = true });
            await Axe.AssertNoViolationsAsync(page, url);
        }

        // The new paper's web name is checked as typed: its pattern is one Chromium compiles (an invalid one is ignored).
        await page.GotoAsync("/desk/admin/publications");
        var slug = page.Locator("input[name='Form.Slug']");
        await slug.FillAsync("Bad_Slug");
        Assert.True(await slug.EvaluateAsync<bool>("input => input.validity.patternMismatch"), "“Bad_Slug” passes the web name's pattern");
        await slug.FillAsync("hexi-ribao");
        Assert.False(await slug.EvaluateAsync<bool>("input => input.validity.patternMismatch"), "“hexi-ribao” fails the web name's pattern");

        // The log reads in the desk's words, at the paper's own time.
        await page.GotoAsync("/desk/admin/audit");
        await Assertions.Expect(page.Locator(".audit-table td[data-action='sign-in']").First).ToHaveTextAsync("登录");
        await Assertions.Expect(page.Locator(".audit-table th").First).ToContainTextAsync("Asia/Shanghai");
    }

    /// <summary>The application over an empty data folder with one publication, whose imports wait as drafts, an editor and an admin.</summary>
    public sealed class DeskServer : BrowserServer
    {
        protected override IEnumerable<string> Settings => ["--Broadsheet:Ingest:RasterWidth=1000"];

        protected override async Task AfterStartAsync(IServiceProvider services)
        {
            await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报") { ImportAsDraft = true });
            using var scope = services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<DeskAccounts>();
            await accounts.AddAsync("night-editor", Password, DeskRoles.Editor, ["binjiang"]);
            await accounts.AddAsync("chief", Password, DeskRoles.Admin, []);
        }
    }
}
