using System.Net;
using System.Text.Json;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

public sealed class ApiTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Fact]
    public async Task Edition_list_names_the_publication_and_its_published_editions_newest_first()
    {
        using var json = await GetJsonAsync("/api/v1/publications/binjiang/editions");
        var root = json.RootElement;

        var publication = root.GetProperty("publication");
        Assert.Equal("binjiang", publication.GetProperty("slug").GetString());
        Assert.Equal("滨江日报", publication.GetProperty("name").GetString());
        Assert.Equal("zh-CN", publication.GetProperty("language").GetString());
        Assert.Equal("Asia/Shanghai", publication.GetProperty("timeZone").GetString());
        var editions = root.GetProperty("editions").EnumerateArray().ToList();
        Assert.Equal(["2026-11-02", "2026-11-01"], editions.Select(e => e.GetProperty("date").GetString()));
        Assert.Equal(1, editions[0].GetProperty("number").GetInt32());
        Assert.Equal(12345, editions[0].GetProperty("issueNumber").GetInt32());
        Assert.Equal("/api/v1/publications/binjiang/editions/2026-11-02", editions[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Edition_has_its_pages_and_each_pages_articles_in_reading_order()
    {
        using var json = await GetJsonAsync("/api/v1/publications/binjiang/editions/2026-11-02");
        var root = json.RootElement;

        Assert.Equal("2026-11-02", root.GetProperty("date").GetString());
        Assert.Equal("/binjiang/2026-11-02/01", root.GetProperty("readerUrl").GetString());
        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(["01", "02", "03"], pages.Select(p => p.GetProperty("label").GetString()));
        Assert.Equal(["头版", "要闻", "平安滨江"], pages.Select(p => p.GetProperty("name").GetString()));

        var front = pages[0];
        Assert.Equal(1, front.GetProperty("order").GetInt32());
        Assert.Equal(842, front.GetProperty("widthPt").GetDouble());
        Assert.Equal(1191, front.GetProperty("heightPt").GetDouble());
        Assert.Equal("/media/" + app.Seeded.ImageKeys["01"], front.GetProperty("imageUrl").GetString());
        Assert.Equal(app.Seeded.ImageWidth, front.GetProperty("imageWidth").GetInt32());
        Assert.Equal(app.Seeded.ImageHeight, front.GetProperty("imageHeight").GetInt32());
        Assert.Equal("/media/" + app.Seeded.PdfKey, front.GetProperty("pdfUrl").GetString());
        Assert.Equal(JsonValueKind.Null, pages[1].GetProperty("pdfUrl").ValueKind);
        Assert.Equal("/binjiang/2026-11-02/01", front.GetProperty("readerUrl").GetString());

        var articles = front.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], articles.Select(a => a.GetProperty("n").GetInt32()));
        Assert.Equal(TestEdition.Articles.Take(4).Select(a => a.Headline), articles.Select(a => a.GetProperty("headline").GetString()));
        Assert.Equal(["story", "story", "photoNews", "briefs"], articles.Select(a => a.GetProperty("kind").GetString()));

        var lead = articles[0];
        var spec = TestEdition.Articles[0];
        Assert.Equal(1, lead.GetProperty("order").GetInt32());
        Assert.Equal(spec.Content.Kicker, lead.GetProperty("kicker").GetString());
        Assert.Equal(spec.Content.Subheadline, lead.GetProperty("subheadline").GetString());
        Assert.Equal(spec.Content.Byline, lead.GetProperty("byline").GetString());
        Assert.Equal(spec.Content.Paragraphs.Select(p => p.Text), lead.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("/binjiang/2026-11-02/01/1", lead.GetProperty("readerUrl").GetString());
        var regions = lead.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(["01", "02"], regions.Select(r => r.GetProperty("page").GetString()));
        Assert.Equal([[0.05, 0.08], [0.62, 0.08], [0.62, 0.46], [0.05, 0.46]], Points(regions[0].GetProperty("points")));
        var image = Assert.Single(lead.GetProperty("images").EnumerateArray());
        Assert.Equal("新建成的江畔口袋公园吸引市民休闲。", image.GetProperty("caption").GetString());
        Assert.Equal("王晓明/摄", image.GetProperty("credit").GetString());
        Assert.Equal([[0.08, 0.2], [0.59, 0.2], [0.59, 0.36], [0.08, 0.36]], Points(image.GetProperty("polygon")));

        Assert.Equal(6, Points(articles[1].GetProperty("regions")[0].GetProperty("points")).Length);
        Assert.Equal(JsonValueKind.Null, articles[1].GetProperty("kicker").ValueKind);

        var second = pages[1].GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal([spec.Headline, TestEdition.Articles[4].Headline], second.Select(a => a.GetProperty("headline").GetString()));
        Assert.Equal(["/binjiang/2026-11-02/02/1", "/binjiang/2026-11-02/02/2"], second.Select(a => a.GetProperty("readerUrl").GetString()));
    }

    [Fact]
    public async Task Chinese_text_is_not_escaped()
    {
        var body = await app.NewClient().GetStringAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02", UriKind.Relative));

        Assert.Contains("\"name\":\"滨江日报\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/publications/nosuchpaper/editions")]
    [InlineData("/api/v1/publications/nosuchpaper/editions/2026-11-02")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-03")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-05")]
    [InlineData("/api/v1/publications/binjiang/editions/yesterday")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Unknown_publications_and_editions_are_404_problem_details(string url)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static double[][] Points(JsonElement points) =>
        [.. points.EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray())];
}
