using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Broadsheet.Core.Model;
using Broadsheet.Web.OpenData.Bulk;
using Broadsheet.Web.Published;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>Bulk data as a researcher takes it: an edition's text as JSON and ALTO, a year as one zip, with the paper's licence.</summary>
public sealed class BulkDataTests(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private const string Edition = "/api/v1/publications/tidewater/editions/2026-07-04";

    [Fact]
    public async Task The_text_has_every_article_once_in_reading_order_with_its_pages_and_the_licence()
    {
        using var response = await app.NewClient().GetAsync(new Uri(Edition + "/text", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(OpenDataAppFactory.Licence, root.GetProperty("licence").GetString());
        Assert.Equal("/api/v1/publications/tidewater/editions/2026-07-04/alto", root.GetProperty("altoUrl").GetString());
        var articles = root.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal([OpenDataAppFactory.TideHeadline, "Ferry timetable changes"], articles.Select(a => a.GetProperty("headline").GetString()));
        Assert.Equal(["01", "02"], articles[0].GetProperty("pages").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(OpenDataAppFactory.TideParagraph, articles[0].GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("/tidewater/2026-07-04/01/1", articles[0].GetProperty("readerUrl").GetString());
    }

    [Fact]
    public async Task The_alto_follows_the_rules_and_places_each_printed_word_on_the_page_image()
    {
        using var response = await app.NewClient().GetAsync(new Uri(Edition + "/alto", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/alto+xml", response.Content.Headers.ContentType?.MediaType);
        var alto = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var pages = AltoRules.Document(alto);
        var ns = AltoRules.Ns;

        Assert.Equal(["01", "02"], pages.Select(p => p.Attribute("PRINTED_IMG_NR")!.Value));
        var front = pages[0];
        var (width, height) = (AltoRules.Number(front, "WIDTH"), AltoRules.Number(front, "HEIGHT"));
        Assert.Equal(1100, width);

        // The tide story's line as the import read it, its words in order, the first starting where the line does.
        var tide = front.Descendants(ns + "TextBlock").Single(b => b.Attribute("ID")!.Value == "P1_A1");
        var line = Assert.Single(tide.Elements(ns + "TextLine"));
        var words = line.Elements(ns + "String").ToList();
        Assert.Equal(OpenDataAppFactory.TideParagraph, string.Join(' ', words.Select(w => w.Attribute("CONTENT")!.Value)));
        Assert.Equal(Math.Round(OpenDataAppFactory.TideLine.Left * width), AltoRules.Number(words[0], "HPOS"));
        Assert.Equal(Math.Round(OpenDataAppFactory.TideLine.Top * height), AltoRules.Number(words[0], "VPOS"));
        Assert.True(words.Zip(words.Skip(1)).All(p => AltoRules.Number(p.First, "HPOS") < AltoRules.Number(p.Second, "HPOS")), "words run left to right");

        // The ferry story has no line read on the page: its block is its region, its paragraphs its lines.
        var ferry = front.Descendants(ns + "TextBlock").Single(b => b.Attribute("ID")!.Value == "P1_A2");
        Assert.Equal(Math.Round(0.55 * height), AltoRules.Number(ferry, "VPOS"));
        Assert.Contains("The evening ferry leaves ten minutes later from Monday.",
            ferry.Elements(ns + "TextLine").Select(l => string.Join(' ', l.Elements(ns + "String").Select(s => s.Attribute("CONTENT")!.Value))));
    }

    [Fact]
    public async Task A_year_is_one_zip_of_every_published_edition_and_the_licence_and_no_draft()
    {
        using var response = await app.NewClient().GetAsync(new Uri("/api/v1/publications/tidewater/years/2026.zip", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tidewater-2026.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal(["tidewater-2026/LICENCE.txt", "tidewater-2026/2026-07-04/text.json", "tidewater-2026/2026-07-04/alto.xml"], zip.Entries.Select(e => e.FullName));
        using (var licence = new StreamReader(zip.Entries[0].Open()))
        {
            Assert.Contains(OpenDataAppFactory.Licence, await licence.ReadToEndAsync(), StringComparison.Ordinal);
        }

        using var alto = zip.Entries[2].Open();
        AltoRules.Document(XDocument.Load(alto));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("2026-07-05", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/publications/tidewater/years/2025.zip", 404)]
    [InlineData("/api/v1/publications/nosuchpaper/years/2026.zip", 404)]
    [InlineData("/api/v1/publications/tidewater/editions/2026-07-05/alto", 404)]
    [InlineData("/api/v1/publications/tidewater/editions/2026-07-05/text", 404)]
    [InlineData("/api/v1/publications/tidewater/editions/2026-07-04/alto?number=two", 400)]
    public async Task What_is_not_published_is_a_problem(string url, int status)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_alto_answers_if_none_match_with_304()
    {
        var client = app.NewClient();
        using var first = await client.GetAsync(new Uri(Edition + "/alto", UriKind.Relative));
        using var second = await client.AskAgainAsync(Edition + "/alto", first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_year_has_an_etag_and_asking_again_with_it_gets_a_304_without_making_the_zip()
    {
        var client = app.NewClient();
        var url = new Uri("/api/v1/publications/tidewater/years/2026.zip", UriKind.Relative);
        using var first = await client.GetAsync(url);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);
        using var other = await client.GetAsync(new Uri("/api/v1/publications/binjiang/years/2026.zip", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.ETag!.IsWeak);
        Assert.Equal(first.Headers.ETag, head.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    /// <summary>The year's tag is made from what the zip is made from: each change a harvester must fetch again changes it.</summary>
    [Theory]
    [InlineData("nothing", false)]
    [InlineData("an edition edited at the desk", true)]
    [InlineData("an edition replaced", true)]
    [InlineData("an edition published", true)]
    [InlineData("an edition withdrawn", true)]
    [InlineData("the licence", true)]
    [InlineData("an edition of another paper edited", false)]
    public void A_years_tag_changes_with_what_its_zip_holds(string change, bool changes)
    {
        var paper = new Publication("tidewater", "The Tidewater Gazette", language: "en", timeZoneId: "America/New_York") { Licence = OpenDataAppFactory.Licence };
        var at = new DateTimeOffset(2026, 7, 4, 4, 0, 0, TimeSpan.Zero);
        EditionListing Listed(int day) => new("tidewater", new DateOnly(2026, 7, day), 1, null, "01");
        EditionStampRow Row(string slug, int day, int id, DateTimeOffset? changed = null) =>
            new(slug, new DateOnly(2026, 7, day), 1, id, EditionStatus.Published, at.AddDays(day), at, changed);
        List<EditionListing> listed = [Listed(4), Listed(5)];
        List<EditionStampRow> rows = [Row("tidewater", 4, 1), Row("tidewater", 5, 2), Row("other", 4, 3)];
        var before = YearArchive.Tag(paper, listed, rows);

        switch (change)
        {
            case "an edition edited at the desk": rows[1] = Row("tidewater", 5, 2, at.AddDays(9)); break;
            case "an edition replaced": rows[1] = Row("tidewater", 5, 7); break;
            case "an edition published": listed.Add(Listed(6)); rows.Add(Row("tidewater", 6, 8)); break;
            case "an edition withdrawn": listed.RemoveAt(1); break;
            case "the licence": paper.Licence = "All rights reserved."; break;
            case "an edition of another paper edited": rows[2] = Row("other", 4, 3, at.AddDays(9)); break;
        }

        Assert.Equal(changes, !before.Equals(YearArchive.Tag(paper, listed, rows)));
    }

    [Fact]
    public async Task The_reader_links_the_edition_text_and_the_year_download()
    {
        var page = await app.NewClient().GetStringAsync(new Uri("/tidewater/2026-07-04/01", UriKind.Relative));
        var calendar = await app.NewClient().GetStringAsync(new Uri("/tidewater/2026/07", UriKind.Relative));

        Assert.Contains("href=\"" + Edition + "/alto\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"" + Edition + "/text\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/publications/tidewater/years/2026.zip\"", calendar, StringComparison.Ordinal);
    }
}
