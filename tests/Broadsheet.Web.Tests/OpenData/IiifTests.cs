using System.Globalization;
using System.Net;
using System.Text.Json;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>
/// The IIIF documents as a viewer or an aggregator on another site reads them: Presentation 3 collections and
/// manifests, Image 3 level 0 over the tiles cut at import, Content Search 2 within an edition.
/// </summary>
public sealed class IiifTests(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private const string Manifest = "/iiif/tidewater/2026-07-04/manifest";

    [Fact]
    public async Task A_publication_collection_leads_through_its_years_to_every_published_edition_and_no_draft()
    {
        using var top = await GetJsonAsync("/iiif/tidewater");
        IiifRules.Collection(top.RootElement, topLevel: true);
        var year = Assert.Single(top.RootElement.GetProperty("items").EnumerateArray());
        IiifRules.Collection(year, topLevel: false);

        using var ofYear = await GetJsonAsync(year.GetProperty("id").GetString()!);
        IiifRules.Collection(ofYear.RootElement, topLevel: true);
        var manifest = Assert.Single(ofYear.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(OpenDataAppFactory.PublicUrl + Manifest, IiifRules.Resource(manifest, "Manifest"));
        Assert.Equal("2026-07-04T00:00:00-04:00", manifest.GetProperty("navDate").GetString());

        using var binjiang = await GetJsonAsync("/iiif/binjiang/2026");
        Assert.Equal(
            [OpenDataAppFactory.PublicUrl + "/iiif/binjiang/2026-11-01/manifest", OpenDataAppFactory.PublicUrl + "/iiif/binjiang/2026-11-02/manifest"],
            binjiang.RootElement.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(new Uri("/iiif/tidewater/2026-07-05/manifest", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(new Uri("/iiif/binjiang/2026-11-03/manifest", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(new Uri("/iiif/nosuchpaper", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_manifest_follows_presentation_3_with_a_canvas_per_page_its_date_and_its_pdfs()
    {
        using var json = await GetJsonAsync(Manifest);
        var manifest = json.RootElement;
        var canvases = IiifRules.Manifest(manifest);

        Assert.Equal(OpenDataAppFactory.PublicUrl + Manifest, manifest.GetProperty("id").GetString());
        Assert.Equal("2026-07-04T00:00:00-04:00", manifest.GetProperty("navDate").GetString());
        Assert.Equal(["The Tidewater Gazette 2026-07-04"], manifest.GetProperty("label").GetProperty("en").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Page 01: Front", "Page 02: Harbour"], canvases.Values.Select(c => c.GetProperty("label").GetProperty("en")[0].GetString()));
        var pdf = Assert.Single(canvases.Values.First().GetProperty("rendering").EnumerateArray());
        Assert.Equal("application/pdf", pdf.GetProperty("format").GetString());
        Assert.Equal("Text", pdf.GetProperty("type").GetString());
        Assert.False(canvases.Values.Last().TryGetProperty("rendering", out _), "page 02 has no PDF of its own");
        var services = manifest.GetProperty("service").EnumerateArray().ToList();
        Assert.Equal("SearchService2", services[0].GetProperty("type").GetString());
        Assert.Equal("http://iiif.io/api/search/1/search", services[1].GetProperty("profile").GetString());
    }

    [Theory]
    [InlineData(Manifest)]
    [InlineData("/iiif/tidewater/2026")]
    [InlineData("/iiif/tidewater/2026-07-04/search?q=harbour")]
    public async Task A_harvester_asking_again_with_the_documents_etag_gets_a_304_without_it(string url)
    {
        var client = app.NewClient();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var second = await client.AskAgainAsync(url, first.Headers.ETag!);
        using var other = await client.GetAsync(new Uri("/iiif/binjiang/2026-11-02/manifest", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/ld+json", first.Content.Headers.ContentType!.MediaType);
        Assert.Contains(first.Content.Headers.ContentType.Parameters, p => p.Name == "profile" && p.Value!.Contains("iiif.io/api/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    [Fact]
    public async Task Every_canvas_is_as_large_as_its_image_service_says_and_every_listed_tile_is_served()
    {
        using var json = await GetJsonAsync(Manifest);
        var canvases = IiifRules.Manifest(json.RootElement);
        foreach (var canvas in canvases.Values)
        {
            var service = Assert.Single(canvas.GetProperty("items")[0].GetProperty("items")[0].GetProperty("body").GetProperty("service").EnumerateArray());
            Assert.Equal("ImageService3", service.GetProperty("type").GetString());
            Assert.Equal("level0", service.GetProperty("profile").GetString());
            var serviceId = service.GetProperty("id").GetString()!;

            using var info = await GetJsonAsync(serviceId + "/info.json", "application/ld+json");
            var root = info.RootElement;
            Assert.Equal("http://iiif.io/api/image/3/context.json", root.GetProperty("@context").GetString());
            Assert.Equal(serviceId, root.GetProperty("id").GetString());
            Assert.Equal("ImageService3", root.GetProperty("type").GetString());
            Assert.Equal("http://iiif.io/api/image", root.GetProperty("protocol").GetString());
            Assert.Equal("level0", root.GetProperty("profile").GetString());
            var (width, height) = (root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32());
            Assert.Equal(width, canvas.GetProperty("width").GetInt32());
            Assert.Equal(height, canvas.GetProperty("height").GetInt32());

            // Level 0 serves exactly the tiles its info lists: each scale factor's grid, each tile named by its region and size.
            var tiles = Assert.Single(root.GetProperty("tiles").EnumerateArray());
            var size = tiles.GetProperty("width").GetInt32();
            foreach (var factor in tiles.GetProperty("scaleFactors").EnumerateArray().Select(f => f.GetInt32()))
            {
                var step = size * factor;
                for (var y = 0; y < height; y += step)
                {
                    for (var x = 0; x < width; x += step)
                    {
                        var (w, h) = (Math.Min(step, width - x), Math.Min(step, height - y));
                        var tile = string.Create(CultureInfo.InvariantCulture, $"{serviceId}/{x},{y},{w},{h}/{(w + factor - 1) / factor},{(h + factor - 1) / factor}/0/default.jpg");
                        using var response = await app.NewClient().GetAsync(Local(tile));
                        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{tile}: {response.StatusCode}");
                        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
                        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
                    }
                }
            }

            using var notCut = await app.NewClient().GetAsync(Local(serviceId + "/full/max/0/default.jpg"));
            Assert.Equal(HttpStatusCode.NotFound, notCut.StatusCode);
            using var bare = await app.NewClient().GetAsync(Local(serviceId));
            Assert.Equal(HttpStatusCode.SeeOther, bare.StatusCode);
            Assert.Equal(serviceId + "/info.json", bare.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Every_id_a_viewer_follows_answers_200_to_another_origin()
    {
        using var json = await GetJsonAsync(Manifest);
        var manifest = json.RootElement;
        var canvases = IiifRules.Manifest(manifest);
        List<string> ids =
        [
            manifest.GetProperty("partOf")[0].GetProperty("id").GetString()!,
            manifest.GetProperty("service")[0].GetProperty("id").GetString()! + "?q=tide",
            manifest.GetProperty("homepage")[0].GetProperty("id").GetString()!,
            manifest.GetProperty("seeAlso")[0].GetProperty("id").GetString()!,
            .. canvases.Keys,
            .. canvases.Values.Select(c => c.GetProperty("items")[0].GetProperty("items")[0].GetProperty("body").GetProperty("id").GetString()!),
            .. canvases.Values.SelectMany(c => c.TryGetProperty("rendering", out var r) ? r.EnumerateArray().Select(x => x.GetProperty("id").GetString()!) : []),
            .. canvases.Values.Select(c => c.GetProperty("thumbnail")[0].GetProperty("id").GetString()!),
        ];
        foreach (var id in ids)
        {
            using var response = await app.NewClient().GetAsync(Local(id));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{id}: {response.StatusCode}");
        }

        foreach (var (id, canvas) in canvases)
        {
            using var alone = await GetJsonAsync(id);
            IiifRules.Canvas(alone.RootElement);
            Assert.Equal(canvas.GetProperty("width").GetInt32(), alone.RootElement.GetProperty("width").GetInt32());
            Assert.Equal(OpenDataAppFactory.PublicUrl + Manifest, alone.RootElement.GetProperty("partOf")[0].GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Each_article_is_a_range_over_its_place_on_every_page_it_is_printed_on_and_its_text_an_annotation_there()
    {
        using var json = await GetJsonAsync("/iiif/binjiang/2026-11-02/manifest");
        var canvases = IiifRules.Manifest(json.RootElement);
        var pages = json.RootElement.GetProperty("structures").EnumerateArray().ToList();
        Assert.All(pages, p => IiifRules.Resource(p, "Range"));
        var articles = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(6, articles.Count);
        Assert.Equal("滨江新城今年建成十座口袋公园", articles[0].GetProperty("label").GetProperty("zh-CN")[0].GetString());

        // The continued story: its place on page 01 (0.05..0.62 x 0.08..0.46 of a 240 x 339 canvas, whole pixels around it), then on page 02.
        var parts = articles[0].GetProperty("items").EnumerateArray().Select(i => IiifRules.Fragment(i.GetProperty("id").GetString()!, canvases)).ToList();
        Assert.Equal([OpenDataAppFactory.PublicUrl + "/iiif/binjiang/2026-11-02/canvas/01", OpenDataAppFactory.PublicUrl + "/iiif/binjiang/2026-11-02/canvas/02"], parts.Select(p => p.Canvas));
        Assert.Equal((12, 27, 137, 129), (parts[0].X, parts[0].Y, parts[0].W, parts[0].H));

        var text = canvases[parts[0].Canvas].GetProperty("annotations")[0].GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, text.Count);
        var first = text[0];
        Assert.Equal("supplementing", first.GetProperty("motivation").GetString());
        var body = first.GetProperty("body");
        Assert.Equal("TextualBody", body.GetProperty("type").GetString());
        Assert.Contains("这些公园大多靠近居民小区和学校", body.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("zh-CN", body.GetProperty("language").GetString());
        var target = IiifRules.Selector(first.GetProperty("target"), canvases);
        Assert.Equal((parts[0].X, parts[0].Y, parts[0].W, parts[0].H), (target.X, target.Y, target.W, target.H));
    }

    [Fact]
    public async Task Content_search_boxes_a_word_on_its_printed_line_where_the_lines_file_has_it_else_on_the_article()
    {
        using var manifest = await GetJsonAsync(Manifest);
        var canvases = IiifRules.Manifest(manifest.RootElement);

        using var found = await GetJsonAsync(Manifest.Replace("/manifest", "/search?q=TIDE", StringComparison.Ordinal));
        var root = found.RootElement;
        Assert.Equal("http://iiif.io/api/search/2/context.json", root.GetProperty("@context").GetString());
        Assert.Equal("AnnotationPage", root.GetProperty("type").GetString());
        Assert.Equal(OpenDataAppFactory.PublicUrl + "/iiif/tidewater/2026-07-04/search?q=TIDE", root.GetProperty("id").GetString());
        var hits = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal("Annotation", h.GetProperty("type").GetString()));
        // Each hit is an annotation in its own right (an id, a motivation, a target), as Content Search 2's results are.
        IiifRules.Walk(root, "search");
        Assert.Equal(hits.Count, hits.Select(h => h.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(hits, h => Assert.Contains("tide", h.GetProperty("body").GetProperty("value").GetString(), StringComparison.OrdinalIgnoreCase));

        // Page 01 has the line in its lines file: the hit is within that line, not the whole article.
        var onLine = IiifRules.Fragment(hits[0].GetProperty("target").GetString()!, canvases);
        var front = canvases[onLine.Canvas];
        var (width, height) = (front.GetProperty("width").GetInt32(), front.GetProperty("height").GetInt32());
        var line = OpenDataAppFactory.TideLine;
        Assert.InRange(onLine.X, (int)(line.Left * width), (int)(line.Right * width));
        Assert.InRange(onLine.Y, (int)(line.Top * height) - 1, (int)(line.Bottom * height));
        Assert.True(onLine.H <= (line.Bottom - line.Top) * height + 2, $"the hit box is {onLine.H} px high, the line {(line.Bottom - line.Top) * height}");

        // Page 02 has no lines: the hit is the article's place there.
        var onArticle = IiifRules.Fragment(hits[1].GetProperty("target").GetString()!, canvases);
        Assert.EndsWith("/canvas/02", onArticle.Canvas, StringComparison.Ordinal);
        Assert.Equal(((int)(0.05 * width), (int)(0.05 * height)), (onArticle.X, onArticle.Y));

        using var none = await GetJsonAsync(Manifest.Replace("/manifest", "/search?q=tide+submarine", StringComparison.Ordinal));
        Assert.Empty(none.RootElement.GetProperty("items").EnumerateArray());
        using var ignored = await GetJsonAsync(Manifest.Replace("/manifest", "/search?q=ferry&motivation=painting", StringComparison.Ordinal));
        Assert.Single(ignored.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(["motivation"], ignored.RootElement.GetProperty("ignored").EnumerateArray().Select(i => i.GetString()));
        using var draft = await GetJsonAsync(Manifest.Replace("/manifest", "/search?q=Unpublished", StringComparison.Ordinal));
        Assert.Empty(draft.RootElement.GetProperty("items").EnumerateArray());

        // The same hits in Search 1's form, for viewers that know only that (Mirador).
        using var older = await GetJsonAsync(manifest.RootElement.GetProperty("service")[1].GetProperty("@id").GetString()! + "?q=TIDE");
        var resources = older.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal("sc:AnnotationList", older.RootElement.GetProperty("@type").GetString());
        Assert.Equal(hits.Select(h => h.GetProperty("target").GetString()), resources.Select(r => r.GetProperty("on").GetString()));
    }

    [Theory]
    [InlineData("a range with no items")]
    [InlineData("a range item that is a page")]
    [InlineData("a page pdf without a label")]
    [InlineData("a label as a plain string")]
    [InlineData("a navDate without its zone")]
    [InlineData("an empty annotation page")]
    [InlineData("a canvas without its height")]
    [InlineData("an annotation without a motivation")]
    [InlineData("metadata without a value")]
    public async Task The_rules_reject_a_manifest_that_breaks_presentation_3(string breakage)
    {
        using var json = await GetJsonAsync("/iiif/binjiang/2026-11-02/manifest");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(json.RootElement.GetRawText())!.AsObject();
        IiifRules.Manifest(json.RootElement);

        var canvas = manifest["items"]![0]!.AsObject();
        switch (breakage)
        {
            case "a range with no items": manifest["structures"]![0]!["items"] = new System.Text.Json.Nodes.JsonArray(); break;
            case "a range item that is a page": manifest["structures"]![0]!["items"]![0]!["type"] = "Page"; break;
            case "a page pdf without a label": canvas["rendering"]![0]!.AsObject().Remove("label"); break;
            case "a label as a plain string": manifest["structures"]![0]!["label"] = "头版"; break;
            case "a navDate without its zone": manifest["navDate"] = "2026-11-02T00:00:00"; break;
            case "an empty annotation page": canvas["annotations"]![0]!["items"] = new System.Text.Json.Nodes.JsonArray(); break;
            case "a canvas without its height": canvas.Remove("height"); break;
            case "an annotation without a motivation": canvas["annotations"]![0]!["items"]![0]!.AsObject().Remove("motivation"); break;
            case "metadata without a value": manifest["metadata"]![0]!.AsObject().Remove("value"); break;
        }

        using var broken = JsonDocument.Parse(manifest.ToJsonString());
        Assert.ThrowsAny<Exception>(() => IiifRules.Manifest(broken.RootElement));
    }

    [Fact]
    public async Task A_forged_host_never_reaches_the_ids()
    {
        using var response = await app.ClientFor("http://evil.example").GetAsync(new Uri(Manifest, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        Assert.Contains(OpenDataAppFactory.PublicUrl + Manifest, body, StringComparison.Ordinal);
    }

    private static Uri Local(string id) =>
        new(id.StartsWith(OpenDataAppFactory.PublicUrl, StringComparison.Ordinal) ? id[OpenDataAppFactory.PublicUrl.Length..] : id, UriKind.Relative);

    /// <summary>Fetches a document as a viewer on another site would, and checks it may read it.</summary>
    private async Task<JsonDocument> GetJsonAsync(string url, string mediaType = "application/ld+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Local(url));
        request.Headers.Add("Origin", "https://viewer.example.net");
        using var response = await app.NewClient().SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        return JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
    }
}
