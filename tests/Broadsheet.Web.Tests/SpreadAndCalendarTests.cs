using System.Net;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

public sealed class SpreadAndCalendarTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Fact]
    public async Task Page_one_stands_alone_and_pages_two_and_three_open_as_a_spread()
    {
        var client = app.NewClient();

        var front = await client.GetDocumentAsync("/binjiang/2026-11-02/01");
        var second = await client.GetDocumentAsync("/binjiang/2026-11-02/02");
        var third = await client.GetDocumentAsync("/binjiang/2026-11-02/03");

        Assert.Null(front.QuerySelector("a.spread-toggle"));
        Assert.Equal("true", front.QuerySelector("span.spread-toggle")!.GetAttribute("aria-disabled"));
        Assert.Equal("/binjiang/2026-11-02/02-03", second.QuerySelector("a.spread-toggle")!.GetAttribute("href"));
        Assert.Equal("展开通版", second.QuerySelector("a.spread-toggle")!.Text());
        Assert.Equal("/binjiang/2026-11-02/02-03", third.QuerySelector("a.spread-toggle")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_spread_shows_both_pages_with_their_hotspots_and_goes_back_to_a_single_page()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/02-03");

        var sheets = doc.QuerySelectorAll(".spread .page-sheet").ToList();
        Assert.Equal(2, sheets.Count);
        Assert.Equal(["/binjiang/2026-11-02/02/1", "/binjiang/2026-11-02/02/2"], sheets[0].QuerySelectorAll("svg.hotspots a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/binjiang/2026-11-02/03/1"], sheets[1].QuerySelectorAll("svg.hotspots a").Select(a => a.GetAttribute("href")));
        Assert.Equal("收缩通版", doc.QuerySelector("a.spread-toggle")!.Text());
        Assert.Equal("/binjiang/2026-11-02/02", doc.QuerySelector("a.spread-toggle")!.GetAttribute("href"));
        Assert.Equal("/binjiang/2026-11-02/01", doc.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(doc.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("http://localhost/binjiang/2026-11-02/02-03", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(2, doc.QuerySelectorAll("nav.toc").Length);
    }

    [Theory]
    [InlineData("/binjiang/2026-11-02/01-02")]
    [InlineData("/binjiang/2026-11-02/03-04")]
    [InlineData("/binjiang/2026-11-03/02-03")]
    public async Task Pages_that_do_not_face_each_other_are_no_spread(string url) =>
        await app.NewClient().GetDocumentAsync(url, HttpStatusCode.NotFound);

    [Fact]
    public async Task Previous_and_next_edition_link_the_neighbouring_published_days_only()
    {
        var client = app.NewClient();

        var newest = await client.GetDocumentAsync("/binjiang/2026-11-02/02");
        var older = await client.GetDocumentAsync("/binjiang/2026-11-01/A02");

        Assert.Equal("/binjiang/2026-11-01/A01", newest.QuerySelector("a.previous-edition")!.GetAttribute("href"));
        Assert.Null(newest.QuerySelector("a.next-edition"));
        Assert.Equal("下一期", newest.QuerySelector(".edition-pager .disabled")!.Text());
        Assert.Equal("/binjiang/2026-11-02/01", older.QuerySelector("a.next-edition")!.GetAttribute("href"));
        Assert.Null(older.QuerySelector("a.previous-edition"));
    }

    [Fact]
    public async Task The_page_list_names_every_page_and_marks_the_current_one()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/02");

        var links = doc.QuerySelectorAll("nav.page-list a").ToList();
        Assert.Equal(["第01版:头版", "第02版:要闻", "第03版:平安滨江"], links.Texts());
        Assert.Equal("第02版:要闻", doc.QuerySelector("nav.page-list a[aria-current=page]")!.Text());
    }

    [Fact]
    public async Task The_page_view_shows_its_months_calendar_with_the_days_that_have_editions()
    {
        var doc = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01");

        var calendar = doc.QuerySelector("aside .calendar")!;
        Assert.Equal("2026年11月", calendar.QuerySelector(".month-title")!.Text());
        Assert.Equal(["1", "2"], calendar.QuerySelectorAll("td.has-edition a").Texts());
        Assert.Equal("/binjiang/2026-11-01/A01", calendar.QuerySelector("td.has-edition a")!.GetAttribute("href"));
        Assert.Equal("date", calendar.QuerySelector("td.current a")!.GetAttribute("aria-current"));
        Assert.Equal("2", calendar.QuerySelector("td.current a")!.Text());
        // 3 November has a draft only, which readers must not see.
        Assert.DoesNotContain(calendar.QuerySelectorAll("td.has-edition a"), a => a.Text() == "3");
        Assert.Equal(30, calendar.QuerySelectorAll("td.has-edition, td.no-edition").Length);
        // November 2026 begins on a Sunday: six blanks before it in a week that starts on Monday.
        Assert.Equal(6, calendar.QuerySelector("tbody tr")!.QuerySelectorAll("td.blank").Length);
    }

    [Fact]
    public async Task The_calendar_page_of_a_month_links_each_edition_and_moves_between_months_that_have_editions()
    {
        var client = app.NewClient();

        var november = await client.GetDocumentAsync("/binjiang/2026/11");
        var october = await client.GetDocumentAsync("/binjiang/2026/10");

        Assert.Equal(["/binjiang/2026-11-01/A01", "/binjiang/2026-11-02/01"], november.QuerySelectorAll("td.has-edition a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2026年11月1日 星期日", november.QuerySelector("td.has-edition a")!.GetAttribute("aria-label"));
        Assert.Null(november.QuerySelector("a.month-previous"));
        Assert.Null(november.QuerySelector("a.month-next"));
        Assert.Empty(october.QuerySelectorAll("td.has-edition"));
        Assert.Equal("/binjiang/2026/11", october.QuerySelector("a.month-next")!.GetAttribute("href"));
        Assert.Contains("没有出版的报纸", october.QuerySelector(".calendar-empty")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_month_picker_goes_to_any_month_without_script()
    {
        var client = app.NewClient();
        var doc = await client.GetDocumentAsync("/binjiang/2026/11");
        var form = doc.QuerySelector("form.month-jump")!;

        using var response = await client.GetAsync(new Uri(form.GetAttribute("action") + "?year=2026&month=3", UriKind.Relative));

        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["year", "month"], form.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/binjiang/2026/03", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/binjiang/2026/13")]
    [InlineData("/binjiang/2026/1")]
    [InlineData("/nosuchpaper/2026/11")]
    public async Task Impossible_months_and_unknown_papers_have_no_calendar(string url) =>
        await app.NewClient().GetDocumentAsync(url, HttpStatusCode.NotFound);
}
