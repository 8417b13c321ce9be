using Broadsheet.Core.Model;
using Broadsheet.Ingest.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace Broadsheet.Ingest.Tests.Import;

/// <summary>The importer with an <c>edition.json</c>, page images and one-file editions, over in-memory ports.</summary>
public sealed class ManifestImportTests : IDisposable
{
    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task The_manifest_sets_identity_page_order_names_and_sections()
    {
        var package = _f.Package("input");
        File.WriteAllText(Path.Combine(package, "edition.json"), """
            {
              "publication": "binjiang", "date": "2026-11-05", "edition": 2, "issueNumber": 12345,
              "pages": [
                { "label": "A1", "name": "头版", "section": "A", "file": "01-Front.pdf" },
                { "label": "B1", "name": "生活", "section": "B", "file": "03-Life.pdf" },
                { "label": "B2", "name": "城市", "section": "B", "file": "02-City.pdf" }
              ]
            }
            """);

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        var edition = Assert.Single(_f.Store.Editions);
        Assert.Equal((new DateOnly(2026, 11, 5), 2, 12345), (edition.Date, edition.Number, edition.IssueNumber));
        Assert.Equal(new DateOnly(2026, 11, 5), result.Date);
        Assert.Equal(["A1", "B1", "B2"], edition.Pages.Select(p => p.Label));
        Assert.Equal(["头版", "生活", "城市"], edition.Pages.Select(p => p.Name));
        Assert.Equal(["A", "B", "B"], edition.Pages.Select(p => p.Section));
        // No articles in the manifest: every page is detected as before.
        Assert.Equal("Harbour festival draws crowds", Assert.Single(edition.Articles, a => a.Regions[0].Page.Label == "B1").Headline);
    }

    [Fact]
    public async Task Manifest_articles_replace_detection_on_their_pages_only()
    {
        var package = _f.Package();
        File.WriteAllText(Path.Combine(package, "edition.json"), """
            {
              "articles": [
                {
                  "kicker": "After a long night——", "headline": "Budget passes", "subheadline": "——by seven votes to two",
                  "byline": "Jane Smith", "paragraphs": ["First paragraph.", "Second paragraph."],
                  "regions": [
                    { "page": "01", "polygon": [[0.05, 0.05], [0.95, 0.05], [0.95, 0.45], [0.05, 0.45]] },
                    { "page": "03", "unit": "pt", "polygon": [[59.5, 84.2], [297.5, 84.2], [297.5, 421], [59.5, 421]] }
                  ],
                  "images": [ { "page": "01", "polygon": [[0.5, 0.1], [0.9, 0.1], [0.9, 0.3], [0.5, 0.3]], "caption": "The council.", "credit": "Ann Lee" } ]
                },
                { "kind": "advertisement", "headline": "Harbour Bank", "regions": [ { "page": "01", "polygon": [[0, 0.8], [1, 0.8], [1, 1], [0, 1]] } ] }
              ]
            }
            """);

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        var edition = Assert.Single(_f.Store.Editions);
        Assert.Equal(["Budget passes", "Harbour Bank", "Schools add evening classes"], edition.Articles.Select(a => a.Headline));
        Assert.Equal(3, result.ArticleCount);
        var lead = edition.Articles[0];
        Assert.Equal(("After a long night——", "——by seven votes to two", "Jane Smith"), (lead.Kicker, lead.Subheadline, lead.Byline));
        Assert.Equal(["First paragraph.", "Second paragraph."], lead.Paragraphs);
        Assert.Equal(["01", "03"], lead.Regions.Select(r => r.Page.Label));
        var onLife = lead.Regions[1].Polygon.Bounds;
        Assert.Equal((0.1, 0.1, 0.5, 0.5), (Math.Round(onLife.Left, 3), Math.Round(onLife.Top, 3), Math.Round(onLife.Right, 3), Math.Round(onLife.Bottom, 3)));
        var photo = Assert.Single(lead.Images);
        Assert.Equal(("The council.", "Ann Lee", "01"), (photo.Caption, photo.Credit, photo.Page.Label));
        Assert.Equal(ArticleKind.Advertisement, edition.Articles[1].Kind);
        Assert.DoesNotContain(edition.Articles, a => a.Headline is "Council approves the budget" or "Harbour festival draws crowds");
        Assert.All(edition.Pages, p => Assert.Null(p.ReviewNote));
    }

    [Fact]
    public async Task The_request_date_and_the_manifest_date_must_agree()
    {
        var package = _f.Package();
        File.WriteAllText(Path.Combine(package, "edition.json"), """{ "date": "2026-11-03" }""");

        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang", Date = new DateOnly(2026, 11, 2) }));

        Assert.Equal("edition.json: $.date is 2026-11-03, but the import is for 2026-11-02; correct one of them", ex.Message);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_manifest_of_another_publication_is_refused()
    {
        var package = _f.Package();
        File.WriteAllText(Path.Combine(package, "edition.json"), """{ "publication": "harbour-times" }""");

        var ex = await Assert.ThrowsAsync<ImportException>(() => _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.Equal("edition.json: $.publication is 'harbour-times', but the import is for 'binjiang'", ex.Message);
    }

    [Fact]
    public async Task A_region_outside_its_page_is_refused_before_anything_is_rendered()
    {
        var package = _f.Package();
        File.Copy(Fixtures.Path("manifests", "region-outside-page.json"), Path.Combine(package, "edition.json"));

        var ex = await Assert.ThrowsAsync<ImportException>(() => _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.Equal("edition.json: $.articles[0].regions[0].polygon: a point lies outside page 01, which is 595 x 842 pt", ex.Message);
        Assert.Equal(0, _f.Rasterizer.Calls);
        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.StagingFiles);
    }

    [Theory]
    [InlineData("wrong-types.json", "edition.json: $.date: ")]
    [InlineData("deep-nesting.json", "edition.json: $: not valid JSON")]
    [InlineData("duplicate-keys.json", "edition.json: $: the property 'date' is given twice")]
    [InlineData("path-escapes.json", "edition.json: $.pages[0].file: '../01-Front.pdf' is not a path inside the package")]
    [InlineData("absolute-path.json", "edition.json: $.pages[0].file: '/etc/01-Front.pdf' is not a path inside the package")]
    [InlineData("duplicate-label.json", "edition.json: $.pages[2].label: page label 02 is also used by $.pages[1]")]
    [InlineData("missing-file.json", "04-Sport.pdf: edition.json names it for page 04 ($.pages[1].file), but the package does not have it")]
    public async Task A_bad_manifest_stops_the_import_with_nothing_stored(string fixture, string expectedStart)
    {
        var package = _f.Package();
        File.Copy(Fixtures.Path("manifests", fixture), Path.Combine(package, "edition.json"));

        var ex = await Assert.ThrowsAsync<ImportException>(() => _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _f.Rasterizer.Calls);
        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.Store.Editions);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_page_image_becomes_a_page_without_pdf_marked_for_review()
    {
        var package = _f.Package();
        File.Copy(Fixtures.Path("page-600x800-150dpi.png"), Path.Combine(package, "04-Photos.png"));

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        var page = _f.Store.Editions[0].FindPage("04")!;
        Assert.Equal(("Photos", 288.0, 384.0), (page.Name, Math.Round(page.WidthPt), Math.Round(page.HeightPt)));
        Assert.Null(page.PdfKey);
        Assert.Matches("^pages/[0-9a-f]{2}/[0-9a-f]{64}-2000/large\\.jpg$", page.ImageKey);
        Assert.Equal(page.DerivativesKey + "/large.jpg", page.ImageKey);
        Assert.Equal(2000, page.ImageWidth);
        Assert.Contains(page.DerivativesKey + "/thumb.jpg", _f.Blobs.Keys);
        Assert.Equal("the page is an image, without a text layer; its articles were not detected", page.ReviewNote);
        Assert.Contains("04-Photos.png: the page is an image, without a text layer; its articles were not detected", result.Warnings);
        Assert.Equal(3, _f.Rasterizer.Calls);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_page_image_with_manifest_articles_needs_no_review()
    {
        var package = _f.Package();
        File.Copy(Fixtures.Path("page-600x800-150dpi.tif"), Path.Combine(package, "scan.tif"));
        File.WriteAllText(Path.Combine(package, "edition.json"), """
            {
              "pages": [ { "label": "01", "file": "01-Front.pdf" }, { "label": "02", "file": "scan.tif", "name": "Photos" } ],
              "articles": [ { "kind": "photoNews", "headline": "Autumn on the river", "regions": [ { "page": "02", "polygon": [[0, 0], [1, 0], [1, 0.5], [0, 0.5]] } ] } ]
            }
            """);

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        var edition = _f.Store.Editions[0];
        Assert.Null(edition.FindPage("02")!.ReviewNote);
        Assert.Empty(result.Warnings);
        var photo = Assert.Single(edition.Articles, a => a.Kind == ArticleKind.PhotoNews);
        Assert.Equal(("Autumn on the river", "02"), (photo.Headline, photo.Regions[0].Page.Label));
    }

    [Fact]
    public async Task An_image_that_claims_gigapixels_stops_the_import_before_it_is_decoded()
    {
        var package = _f.Package();
        File.Copy(Fixtures.Path("png-claims-100000x100000.png"), Path.Combine(package, "04-Photos.png"));

        var ex = await Assert.ThrowsAsync<ImportException>(() => _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.StartsWith("04-Photos.png: the image claims 100000 x 100000 pixels", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _f.Rasterizer.Calls);
        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_file_named_as_an_image_that_is_none_is_named()
    {
        var package = _f.Package();
        File.WriteAllText(Path.Combine(package, "04-Photos.jpg"), "GIF89a, not a page");

        var ex = await Assert.ThrowsAsync<ImportException>(() => _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.Equal("04-Photos.jpg: neither a PDF nor a JPEG, PNG or TIFF image (it starts with \"GIF8\")", ex.Message);
    }

    [Fact]
    public async Task One_pdf_of_the_whole_edition_becomes_one_page_each_with_a_pdf_of_its_own()
    {
        var folder = _f.Package("pages");
        var package = Directory.CreateDirectory(_f.PathOf("2026-11-02-whole")).FullName;
        var whole = Path.Combine(package, "binjiang.pdf");
        File.WriteAllBytes(whole, PdfMerger.Merge(
            Path.Combine(folder, "01-Front.pdf"), Path.Combine(folder, "02-City.pdf"), Path.Combine(folder, "03-Life.pdf")));

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        var edition = _f.Store.Editions[0];
        Assert.Equal(["01", "02", "03"], edition.Pages.Select(p => p.Label));
        Assert.Equal(
            ["Council approves the budget", "Bridge reopens after repairs", "Schools add evening classes", "Harbour festival draws crowds"],
            edition.Articles.Select(a => a.Headline));
        Assert.Equal(["01", "01", "02", "03"], edition.Articles.Select(a => a.Regions[0].Page.Label));
        Assert.Empty(result.Warnings);
        foreach (var page in edition.Pages)
        {
            using var pdf = PdfDocument.Open(_f.Blobs[page.PdfKey!]);
            Assert.Equal(1, pdf.NumberOfPages);
        }

        Assert.Equal(3, edition.Pages.Select(p => p.PdfKey).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task The_manifest_can_pick_pages_out_of_a_multi_page_pdf()
    {
        var folder = _f.Package("pages");
        var package = Directory.CreateDirectory(_f.PathOf("2026-11-02-picked")).FullName;
        File.WriteAllBytes(Path.Combine(package, "all.pdf"), PdfMerger.Merge(Path.Combine(folder, "01-Front.pdf"), Path.Combine(folder, "03-Life.pdf")));
        File.WriteAllText(Path.Combine(package, "edition.json"), """
            { "pages": [ { "label": "A01", "name": "Life", "file": "all.pdf", "pdfPage": 2 }, { "label": "A02", "file": "all.pdf", "pdfPage": 3 } ] }
            """);

        var ex = await Assert.ThrowsAsync<ImportException>(() => _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.Equal("all.pdf (page 3): the PDF has 2 pages; there is no page 3", ex.Message);
        Assert.Empty(_f.StagingFiles);

        File.WriteAllText(Path.Combine(package, "edition.json"), """{ "pages": [ { "label": "A01", "name": "Life", "file": "all.pdf", "pdfPage": 2 } ] }""");
        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        var page = Assert.Single(_f.Store.Editions[0].Pages);
        Assert.Equal(("A01", "Life"), (page.Label, page.Name));
        Assert.Equal("Harbour festival draws crowds", Assert.Single(_f.Store.Editions[0].Articles).Headline);
    }
}
