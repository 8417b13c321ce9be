using System.Net;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>Readers' reports reach the desk as a queue that editors of the paper work through.</summary>
public sealed class DeskReportsTests(ReviewDeskFactory app) : IClassFixture<ReviewDeskFactory>
{
    [Fact]
    public async Task A_reader_s_report_waits_in_the_desk_s_queue_until_an_editor_marks_it_done()
    {
        using (var sent = await app.NewClient().PostAsync(
            new Uri("/binjiang/2026-11-02/02/1/report", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "WrongText", ["note"] = "第一段少了一句" })))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var editor = await app.SignInAsync(ReviewDeskFactory.Editor);
        var queue = await editor.GetAsync("/desk/reports");
        var row = Assert.Single(queue.QuerySelectorAll("tr[data-report]"));
        Assert.Contains("滨江新城今年建成十座口袋公园", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("文字有误", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("第一段少了一句", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("/binjiang/2026-11-02/02/1", row.QuerySelector("a[target=_blank]")!.GetAttribute("href"));
        Assert.NotNull(row.QuerySelector("a[href^='/desk/articles/']"));
        Assert.Contains(queue.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/desk/reports");

        // An editor of another paper sees none of it.
        var outsider = await app.SignInAsync(ReviewDeskFactory.Outsider);
        Assert.Empty((await outsider.GetAsync("/desk/reports")).QuerySelectorAll("tr[data-report]"));

        using var done = await editor.SubmitAsync("/desk/reports", "Resolve", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Empty((await editor.GetAsync("/desk/reports")).QuerySelectorAll("tr[data-report]"));
        var entry = Assert.Single(await app.AuditAsync("resolve-report"));
        Assert.Equal(ReviewDeskFactory.Editor, entry.User);
        Assert.Contains("滨江新城今年建成十座口袋公园", entry.Subject, StringComparison.Ordinal);
    }
}

/// <summary>A report on a day's later edition (an extra, 号外) leads the desk to that edition, not the day's first.</summary>
public sealed class LaterEditionReportsTests(SecondEditionDeskFactory app) : IClassFixture<SecondEditionDeskFactory>
{
    [Fact]
    public async Task The_queue_links_each_report_to_the_edition_it_was_sent_from()
    {
        foreach (var article in new[] { SecondEdition.Url + "/1", "/binjiang/2026-11-02/01/1" })
        {
            using var sent = await app.NewClient().PostAsync(
                new Uri(article + "/report", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "WrongRegion" }));
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var editor = await app.SignInAsync(ReviewDeskFactory.Editor);
        var rows = (await editor.GetAsync("/desk/reports")).QuerySelectorAll("tr[data-report]").ToDictionary(r => r.QuerySelector("a[target=_blank]")!.GetAttribute("href")!);

        Assert.Equal(["/binjiang/2026-11-02/01/1", "/binjiang/2026-11-02_2/01/1"], rows.Keys.Order(StringComparer.Ordinal));
        var extra = rows["/binjiang/2026-11-02_2/01/1"];
        Assert.Contains("2026-11-02 第2期 第01版 《" + SecondEdition.Headline + "》", extra.TextContent, StringComparison.Ordinal);
        Assert.Equal("/desk/binjiang/2026-11-02/01?n=2", extra.QuerySelector("a.review-page")!.GetAttribute("href"));
        var first = rows["/binjiang/2026-11-02/01/1"];
        Assert.DoesNotContain("第2期", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("/desk/binjiang/2026-11-02/01", first.QuerySelector("a.review-page")!.GetAttribute("href"));
        // The desk's own page is that edition's.
        var review = await editor.GetAsync(extra.QuerySelector("a.review-page")!.GetAttribute("href")!);
        Assert.Contains(SecondEdition.Headline, review.Body!.TextContent, StringComparison.Ordinal);
    }
}
