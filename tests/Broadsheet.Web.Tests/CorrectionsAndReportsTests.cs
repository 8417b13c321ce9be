using System.Net;
using System.Xml.Linq;
using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>Corrections shown on the page, in the text, on their own page and feed; readers' reports kept for the desk.</summary>
public sealed class CorrectionsAndReportsTests(SecondPassAppFactory app) : IClassFixture<SecondPassAppFactory>
{
    private const string Corrected = "/binjiang/2026-11-02/01/2";

    [Fact]
    public async Task A_corrected_article_has_a_badge_on_its_hotspot_and_in_its_text()
    {
        var page = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01");

        // A mark on the image; the region's link says it to those who cannot see the mark.
        var badge = Assert.Single(page.QuerySelectorAll(".page-sheet .correction-badge"));
        Assert.Equal("更正", badge.Text());
        Assert.Equal("true", badge.GetAttribute("aria-hidden"));
        Assert.Contains("已更正", page.QuerySelector("a.hotspot[data-n='2']")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.DoesNotContain("已更正", page.QuerySelector("a.hotspot[data-n='1']")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        // Where the article's region starts: its top right corner (0.95, 0.08).
        Assert.Equal("left: 95%; top: 8%", badge.GetAttribute("style"));
        Assert.Equal(Corrected, page.QuerySelector("a.hotspot[data-n='2']")!.GetAttribute("href"));

        var article = await app.NewClient().GetDocumentAsync(Corrected);
        Assert.Equal("#correction", article.QuerySelector(".article-meta .correction-badge")!.GetAttribute("href"));
        Assert.Equal("correction", article.QuerySelector("aside.correction")!.Id);
        Assert.Equal(SecondPassAppFactory.CorrectedParagraph, article.QuerySelectorAll(".article-body p")[1].Text());
        Assert.Equal(Corrected + "/original", article.QuerySelector(".correction-links a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_printed_original_text_is_one_click_away()
    {
        var doc = await app.NewClient().GetDocumentAsync(Corrected + "/original");

        Assert.Equal(TestEdition.Articles[1].Content.Paragraphs.Select(p => p.Text), doc.QuerySelectorAll(".article-body p").Texts());
        Assert.Equal(Corrected, doc.QuerySelector(".original-note a")!.GetAttribute("href"));
        Assert.Equal("/binjiang/2026-11-02/01#a2", doc.QuerySelector(".page-thumb a")!.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector(".page-thumb polygon.highlight"));

        // An article never corrected reads as it is, and says so.
        var plain = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-02/01/1/original");
        Assert.Equal(TestEdition.Articles[0].Content.Paragraphs.Select(p => p.Text), plain.QuerySelectorAll(".article-body p").Texts());
        Assert.Contains("没有改动", plain.QuerySelector(".original-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_paper_has_a_corrections_page_and_an_atom_feed()
    {
        var client = app.NewClient();
        var doc = await client.GetDocumentAsync("/binjiang/corrections");

        var item = Assert.Single(doc.QuerySelectorAll("ol.corrections li"));
        Assert.Equal(TestEdition.Articles[1].Content.Headline, item.QuerySelector("h2")!.Text());
        Assert.Equal(Corrected, item.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("首末班车时间", item.QuerySelector(".correction-note")!.Text(), StringComparison.Ordinal);
        Assert.Equal("/binjiang/corrections.atom", doc.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));

        using var response = await client.GetAsync(new Uri("/binjiang/corrections.atom", UriKind.Relative));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Equal("更正：" + TestEdition.Articles[1].Content.Headline, entry.Element(atom + "title")!.Value);
        Assert.Equal("http://localhost" + Corrected, entry.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("2026-11-02T09:30:00Z", entry.Element(atom + "updated")!.Value);
        Assert.Equal(SecondPassAppFactory.CorrectionNote, entry.Element(atom + "content")!.Value);
        Assert.Equal("2026-11-02T09:30:00Z", feed.Root.Element(atom + "updated")!.Value);

        // Feed readers poll: one that has the feed gets a 304 without it.
        using var unchanged = await client.AskAgainAsync("/binjiang/corrections.atom", response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Fact]
    public async Task A_reader_reports_a_wrong_region_and_the_report_keeps_nothing_about_them()
    {
        var before = await ReportsAsync();
        using var response = await PostAsync("/binjiang/2026-11-02/01/3/report", "WrongRegion", "照片的区域少了下面一截", address: "203.0.113.7");

        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("谢谢", doc.QuerySelector(".report-done")!.Text(), StringComparison.Ordinal);
        var report = Assert.Single((await ReportsAsync()).Except(before, new IdComparer()));
        Assert.Equal((new DateOnly(2026, 11, 2), "01", 3, ReportKind.WrongRegion, "照片的区域少了下面一截", "秋日银杏染金城"),
            (report.Date, report.PageLabel, report.ArticleNumber, report.Kind, report.Note, report.Headline));
        Assert.True(report.IsOpen);
        Assert.NotNull(report.ArticleId);

        // Nothing in the row says who sent it.
        var contexts = app.Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var columns = db.Model.FindEntityType(typeof(ReaderReport))!.GetProperties().Select(p => p.Name).ToList();
        Assert.DoesNotContain(columns, c => c.Contains("Ip", StringComparison.OrdinalIgnoreCase) || c.Contains("Agent", StringComparison.OrdinalIgnoreCase) || c.Contains("Email", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Reports_from_another_site_robots_or_nonsense_are_not_kept()
    {
        var before = (await ReportsAsync()).Count;

        using (var other = await PostAsync("/binjiang/2026-11-02/01/1/report", "WrongText", null, address: "203.0.113.8", origin: "https://evil.example"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        using (var robot = await PostAsync("/binjiang/2026-11-02/01/1/report", "WrongText", "buy now", address: "203.0.113.8", website: "http://spam.example"))
        {
            Assert.Equal(HttpStatusCode.OK, robot.StatusCode);
        }

        using (var kind = await PostAsync("/binjiang/2026-11-02/01/1/report", "1", null, address: "203.0.113.8"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        }

        using (var note = await PostAsync("/binjiang/2026-11-02/01/1/report", "Other", new string('字', 501), address: "203.0.113.8"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, note.StatusCode);
        }

        using (var nowhere = await PostAsync("/binjiang/2026-11-02/01/9/report", "Other", null, address: "203.0.113.8"))
        {
            Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        }

        Assert.Equal(before, (await ReportsAsync()).Count);
    }

    [Fact]
    public async Task One_address_may_send_five_reports_in_ten_minutes()
    {
        for (var i = 0; i < 5; i++)
        {
            using var ok = await PostAsync("/binjiang/2026-11-02/02/1/report", "Other", $"第{i}次", address: "198.51.100.20");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var sixth = await PostAsync("/binjiang/2026-11-02/02/1/report", "Other", "第六次", address: "198.51.100.20");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        using var someoneElse = await PostAsync("/binjiang/2026-11-02/02/1/report", "Other", "另一位读者", address: "198.51.100.21");
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }

    [Fact]
    public async Task The_article_view_offers_the_report_form_without_a_cookie()
    {
        using var response = await app.NewClient().GetAsync(new Uri("/binjiang/2026-11-02/01/1", UriKind.Relative));
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.False(response.Headers.Contains("Set-Cookie"));
        var form = doc.QuerySelector("details.report form")!;
        Assert.Equal("/binjiang/2026-11-02/01/1/report", form.GetAttribute("action"));
        Assert.Equal(["WrongRegion", "WrongText", "Other"], form.QuerySelectorAll("input[name=kind]").Select(i => i.GetAttribute("value")!));
    }

    private async Task<HttpResponseMessage> PostAsync(string url, string kind, string? note, string address, string? origin = null, string? website = null)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new Dictionary<string, string> { ["kind"] = kind };
        if (note is not null)
        {
            form["note"] = note;
        }

        if (website is not null)
        {
            form["website"] = website;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(SecondPassAppFactory.AddressHeader, address);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private async Task<List<ReaderReport>> ReportsAsync()
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.ReaderReports.AsNoTracking().ToListAsync();
    }

    private sealed class IdComparer : IEqualityComparer<ReaderReport>
    {
        public bool Equals(ReaderReport? x, ReaderReport? y) => x?.Id == y?.Id;

        public int GetHashCode(ReaderReport obj) => obj.Id;
    }
}
