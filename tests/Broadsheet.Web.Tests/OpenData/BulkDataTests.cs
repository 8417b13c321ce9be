using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

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
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(Edition + "/alto", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
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
