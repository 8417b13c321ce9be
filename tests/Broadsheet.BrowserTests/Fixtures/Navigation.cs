using System.Diagnostics;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>How far a page must have come before a test goes on.</summary>
public enum Ready
{
    /// <summary>The browser is on the new URL (its document is committed).</summary>
    Commit,

    /// <summary>The document is parsed.</summary>
    DomContentLoaded,

    /// <summary>The document and its images, styles and scripts are loaded.</summary>
    Load,
}

/// <summary>
/// Waiting for a page to arrive without Playwright's load-state race. Playwright for .NET (1.64) looks in a frame's
/// list of load states and then subscribes to their event, without a lock, while its connection thread adds them: a
/// "load" that lands between the two is missed, and <c>WaitForURLAsync</c> or <c>WaitForLoadStateAsync</c> waits out
/// its timeout. In CI a sign-in's wait for /desk ran out at 60 s with only "NetworkIdle event fired" in its log. This
/// polls the URL Playwright keeps (set by the navigated event, before any load state) and then asks the page itself
/// whether its document is ready.
/// </summary>
internal static class Navigation
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits until the page is at <paramref name="path"/> (the URL's path, without its query) and <paramref name="ready"/>.</summary>
    public static Task ArrivedAtAsync(this IPage page, string path, Ready ready = Ready.Load, TimeSpan? timeout = null) =>
        page.ArrivedAsync(url => new Uri(url).AbsolutePath == path, ready, timeout);

    /// <summary>Waits until the page's URL is one <paramref name="at"/> accepts, and the page is <paramref name="ready"/>.</summary>
    public static async Task ArrivedAsync(this IPage page, Func<string, bool> at, Ready ready = Ready.Load, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!at(page.Url))
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for the page to arrive; it is still at {page.Url}.");
            }

            await Task.Delay(25);
        }

        if (ready == Ready.Commit)
        {
            return;
        }

        var left = (float)Math.Max(1_000, (limit - clock.Elapsed).TotalMilliseconds);
        await page.WaitForFunctionAsync(
            ready == Ready.Load ? "() => document.readyState === 'complete'" : "() => document.readyState !== 'loading'",
            null,
            new() { Timeout = left });
    }
}
