using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>Runs axe-core in the page and fails on any serious or critical violation, naming the rule and the elements.</summary>
internal static class Axe
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string view)
    {
        var results = await page.RunAxe();
        var bad = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(bad.Count == 0, $"{view}: axe found serious or critical violations:\n{string.Join("\n", bad)}");
        Assert.True(results.Passes.Length > 10, $"{view}: axe checked almost nothing ({results.Passes.Length} passes)");
    }

    /// <summary>The desk's own pages are held to more: no violation of any impact.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string view)
    {
        var results = await page.RunAxe();
        var bad = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(bad.Count == 0, $"{view}: axe found violations:\n{string.Join("\n", bad)}");
        Assert.True(results.Passes.Length > 10, $"{view}: axe checked almost nothing ({results.Passes.Length} passes)");
    }
}
