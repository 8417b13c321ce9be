using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>What the desk's page-first browser tests do alike: sign in, and wait for the review page and its viewer.</summary>
internal static class DeskReviewPage
{
    /// <summary>A browser context at 1366x900 in zh-CN against the desk's server.</summary>
    public static async Task<IBrowserContext> NewContextAsync(DeskLiveServer server)
    {
        var context = await server.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = "zh-CN",
            BaseURL = server.BaseAddress.ToString(),
        });
        // Two cores shared with builds: give slow moments room, without hiding a step that never happens.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public static async Task<IPage> SignInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/desk/login");
        await page.Locator("input[name=userName]").FillAsync(DeskLiveServer.Editor);
        await page.Locator("input[name=password]").FillAsync(DeskLiveServer.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync("/desk");
        return page;
    }

    /// <summary>
    /// Waits for the page's viewer, then for two frames: the viewer places the page (the sheet) on its next frame after
    /// opening, and a box measured before that is the sheet's box outside the viewer (a reopened page once measured
    /// 496 px wide instead of the 1269 it was left at, in a full run on a loaded machine).
    /// </summary>
    public static async Task ReadyAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('[data-review]')?.dataset.viewer");
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    /// <summary>Runs an action that changes the edition and waits for the review page to come back with it.</summary>
    public static async Task ReloadingAsync(IPage page, Func<Task> action)
    {
        var loaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage p) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            page.Load -= OnLoad;
        }

        await ReadyAsync(page);
    }
}
