using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Imaging;
using Broadsheet.Ingest.Archives;
using Broadsheet.Ingest.Tests.Fakes;
using Broadsheet.Ingest.Tests.Import;
using Broadsheet.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Ingest.Tests.Archives;

/// <summary>
/// A library batch (NDNP layout, made here: tiny page images, hand-written METS and ALTO) through the import job, with
/// the real image processor (libvips), so each page's ALTO is placed on the master image the reader shows.
/// </summary>
[Trait("Suite", "Full")] // Real imports: pages through libvips, and mutool for the PDF pages.
public sealed class BatchImportTests : IDisposable
{
    private static readonly IPageImageProcessor RealImages = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider().GetRequiredService<IPageImageProcessor>();

    private static readonly IPageRasterizer RealRasterizer = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider().GetRequiredService<IPageRasterizer>();

    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    private BatchImporter Importer => new(
        _f.Store, _f.Blobs, _f.Rasterizer, RealImages, ImporterFixture.Sanitizer, _f.Data, new FixedClock(ImporterFixture.Now), Microsoft.Extensions.Options.Options.Create(_f.Options));

    private string Batch() => NdnpFixture.Write(_f.PathOf("batch_test_ver01"));

    [Fact]
    public async Task Every_issue_comes_in_with_its_date_number_pages_and_the_articles_its_alto_holds()
    {
        var lines = new List<string>();

        var result = await Importer.ImportAsync(Batch(), "binjiang", new SynchronousProgress<BatchProgress>(p => { if (p.Line is not null) lines.Add(p.Line); }));

        Assert.Equal((3, 0), (result.Imported, result.Skipped));
        var editions = _f.Store.Editions.OrderBy(e => e.Date).ToList();
        Assert.Equal([new DateOnly(1887, 3, 3), new DateOnly(1887, 3, 4), new DateOnly(1887, 3, 5)], editions.Select(e => e.Date));
        Assert.Equal([258, 259, 260], editions.Select(e => e.IssueNumber ?? 0));
        Assert.Equal([2, 1, 1], editions.Select(e => e.Pages.Count));
        Assert.Equal("1887-03-03 edition 1 (The Harbour Gazette, vol. 16, no. 258): 2 pages, 2 articles", lines[0]);
        Assert.Equal(3, lines.Count);

        // Detected from the ALTO's lines, on a PNG page and on a JPEG 2000 page, and flagged as read by OCR.
        Assert.Equal(["Flood defences hold as river peaks", "Council meets on the new bridge"], editions[0].Articles.Select(a => a.Headline));
        Assert.Equal("Harbour ice breaks early", Assert.Single(editions[1].Articles).Headline);
        Assert.All(editions[0].Pages.Concat(editions[1].Pages), p => Assert.Equal(PageTextSource.Ocr, p.TextSource));
        var flood = editions[0].Articles[0];
        var text = string.Join(' ', flood.Paragraphs);
        Assert.Contains("the barriers continued", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tinued to hold", text.Replace("continued to hold", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var region = flood.Regions[0].Polygon.Bounds;
        Assert.InRange(region.Left, 0.03, 0.07);
        Assert.InRange(region.Top, 0.05, 0.09);
    }

    [Fact]
    public async Task Search_can_mark_a_hit_on_the_scan_from_the_lines_kept_with_their_boxes()
    {
        await Importer.ImportAsync(Batch(), "binjiang");

        var page = _f.Store.Editions.Single(e => e.Date == new DateOnly(1887, 3, 3)).Pages[0];
        await using var stream = new MemoryStream(_f.Blobs[$"{page.DerivativesKey}/{PageTextLayer.FileName}"]);
        var layer = await PageTextLayer.ReadAsync(stream);
        var line = Assert.Single(layer, l => l.Text.Contains("continued", StringComparison.Ordinal));
        // Line 4 of the first column: 100 px in and 428 px down on the 2000 x 2828 page the ALTO describes.
        Assert.InRange(line.Left, 0.045, 0.055);
        Assert.InRange(line.Top, 428.0 / 2828 - 0.005, 428.0 / 2828 + 0.005);
    }

    [Fact]
    public async Task Articles_of_the_mets_logical_structure_are_taken_as_given()
    {
        await Importer.ImportAsync(Batch(), "binjiang");

        var edition = _f.Store.Editions.Single(e => e.Date == new DateOnly(1887, 3, 5));
        var article = Assert.Single(edition.Articles);
        Assert.Equal("Flood defences hold", article.Headline);
        Assert.Equal(3, article.Regions.Count);
        Assert.Contains(article.Paragraphs, p => p.Contains("the barriers continued to hold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_stopped_after_its_first_issue_finishes_on_a_rerun_with_nothing_twice()
    {
        var batch = Batch();
        using var stop = new CancellationTokenSource();
        var first = new SynchronousProgress<BatchProgress>(p =>
        {
            if (p.Line is not null)
            {
                stop.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer.ImportAsync(batch, "binjiang", first, stop.Token));
        Assert.Single(_f.Store.Editions);

        var lines = new List<string>();
        var rerun = await Importer.ImportAsync(batch, "binjiang", new SynchronousProgress<BatchProgress>(p => { if (p.Line is not null) lines.Add(p.Line); }));

        Assert.Equal((2, 1), (rerun.Imported, rerun.Skipped));
        Assert.EndsWith("already in, skipped", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, _f.Store.Editions.Count);
        Assert.Equal(3, _f.Store.Editions.Select(e => e.Date).Distinct().Count());
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_validated_batch_is_read_from_its_batch_1_xml_whose_issue_mets_list_the_pages_delivered()
    {
        // As open-oni/sample-data's batch_nbu_manyissues_ver01: batch.xml names a first METS for the 1887-03-05 issue that
        // lists a second page no one delivered; batch_1.xml, written by validation, names the issue's validated METS,
        // which lists only the page there.
        var root = Batch();
        var issue = NdnpFixture.IssueFolder(root, "1887030501");
        var first = Path.Combine(issue, "1887030501.xml");
        File.Move(first, Path.Combine(issue, "1887030501_1.xml"));
        File.WriteAllText(first, NdnpFixture.Mets("1887-03-05", 1, 260, "16", [("0004.png", "0004.xml"), ("0005.png", "0005.xml")]));
        var listed = File.ReadAllText(Path.Combine(root, "data", "batch.xml"));
        File.WriteAllText(Path.Combine(root, "data", "batch_1.xml"), listed.Replace("1887030501.xml", "1887030501_1.xml", StringComparison.Ordinal));

        var result = await Importer.ImportAsync(root, "binjiang");

        Assert.Equal((3, 0, 4), (result.Imported, result.Skipped, result.Pages));
        var edition = _f.Store.Editions.Single(e => e.Date == new DateOnly(1887, 3, 5));
        Assert.Single(edition.Pages);
        Assert.Equal("Flood defences hold", Assert.Single(edition.Articles).Headline);
    }

    [Fact]
    public async Task A_page_without_alto_is_read_from_its_pdf_text_layer_or_by_ocr_where_the_pdf_has_none()
    {
        var root = _f.PathOf("batch_pdf_ver01");
        var issue = NdnpFixture.IssueFolder(root, "1887030601");
        Directory.CreateDirectory(issue);
        NdnpFixture.Image(Path.Combine(issue, "0001.png"));
        TestPdf.Newspaper("01", new TestStory("Harbour board orders a new pier", 40, 70, 2, 20)).Save(Path.Combine(issue, "0001.pdf"));
        // A scan's PDF without its hidden text: nothing to read but the picture.
        new TestPdf().Rule(40, 45, 555).Save(Path.Combine(issue, "0002.pdf"));
        File.WriteAllText(Path.Combine(issue, "1887030601.xml"), NdnpFixture.MetsOfFiles("1887-03-06", 261, [("0001.png", "0001.pdf", null), (null, "0002.pdf", null)]));
        File.WriteAllText(Path.Combine(root, "data", "batch.xml"), NdnpFixture.Batch(("1887-03-06", 1, "./sn00000001/1887030601/1887030601.xml")));
        var ocr = new FakeOcr();
        var importer = new BatchImporter(_f.Store, _f.Blobs, RealRasterizer, RealImages, ImporterFixture.Sanitizer, _f.Data, new FixedClock(ImporterFixture.Now),
            Microsoft.Extensions.Options.Options.Create(_f.Options), ocr);

        var result = await importer.ImportAsync(root, "binjiang");

        Assert.Equal((1, 2), (result.Imported, result.Pages));
        var edition = Assert.Single(_f.Store.Editions);
        var (first, second) = (edition.Pages.Single(p => p.Label == "01"), edition.Pages.Single(p => p.Label == "02"));
        // Page 01's text from its PDF, not left empty for want of ALTO; its PDF is the page's download.
        Assert.Equal(PageTextSource.Pdf, first.TextSource);
        var pier = Assert.Single(edition.Articles, a => a.Regions.Any(r => ReferenceEquals(r.Page, first)));
        Assert.Equal("Harbour board orders a new pier", pier.Headline);
        Assert.Contains("Harbour line 1 of the story text here.", string.Join(' ', pier.Paragraphs), StringComparison.Ordinal);
        Assert.NotNull(first.PdfKey);
        // Page 02's PDF has no text: read by OCR, and only that page.
        Assert.Equal(PageTextSource.Ocr, second.TextSource);
        Assert.Contains(edition.Articles, a => a.Headline == "Flood defences hold as river peaks" && a.Regions.Any(r => ReferenceEquals(r.Page, second)));
        Assert.Single(ocr.Reads);
    }

    [Fact]
    public async Task A_pdf_page_with_alto_is_read_from_its_alto_not_from_the_pdfs_own_text_layer()
    {
        // As an NDNP batch whose JPEG 2000 images are missing: the page is its PDF, whose hidden text layer is not the
        // library's reading; the ALTO is, and its lines are placed on the PDF's raster by the ALTO page's size.
        var root = _f.PathOf("batch_pdf_alto_ver01");
        var issue = NdnpFixture.IssueFolder(root, "1887030701");
        Directory.CreateDirectory(issue);
        TestPdf.Newspaper("01", new TestStory("Harbour board orders a new pier", 40, 70, 2, 20)).Save(Path.Combine(issue, "0001.pdf"));
        File.WriteAllText(Path.Combine(issue, "0001.xml"), AltoXml.Page(AltoXml.V3, null, "pixel", 1));
        File.WriteAllText(Path.Combine(issue, "1887030701.xml"), NdnpFixture.MetsOfFiles("1887-03-07", 262, [("0001.jp2", "0001.pdf", "0001.xml")]));
        File.WriteAllText(Path.Combine(root, "data", "batch.xml"), NdnpFixture.Batch(("1887-03-07", 1, "./sn00000001/1887030701/1887030701.xml")));
        var ocr = new FakeOcr();
        var importer = new BatchImporter(_f.Store, _f.Blobs, RealRasterizer, RealImages, ImporterFixture.Sanitizer, _f.Data, new FixedClock(ImporterFixture.Now),
            Microsoft.Extensions.Options.Options.Create(_f.Options), ocr);

        await importer.ImportAsync(root, "binjiang");

        var edition = Assert.Single(_f.Store.Editions);
        var page = Assert.Single(edition.Pages);
        Assert.Equal(PageTextSource.Ocr, page.TextSource);
        Assert.Equal(["Flood defences hold as river peaks"], edition.Articles.Select(a => a.Headline));
        Assert.Empty(ocr.Reads);
        await using var stream = new MemoryStream(_f.Blobs[$"{page.DerivativesKey}/{PageTextLayer.FileName}"]);
        var line = Assert.Single(await PageTextLayer.ReadAsync(stream), l => l.Text.Contains("continued", StringComparison.Ordinal));
        Assert.InRange(line.Top, 428.0 / 2828 - 0.005, 428.0 / 2828 + 0.005);
    }

    public static TheoryData<string, string> BadBatches => new()
    {
        { "missing alto", "sn00000001/1887030401/1887030401.xml: page 01's ALTO sn00000001/1887030401/0003.xml is not there" },
        { "missing image", "sn00000001/1887030401/1887030401.xml: page 01's sn00000001/1887030401/0003.tif, sn00000001/1887030401/0003.jp2 are not there" },
        { "alto not xml", "sn00000001/1887030401/0003.xml: not well-formed XML" },
        { "alto of another schema", "sn00000001/1887030401/0003.xml: not ALTO (its root is <html> in http://www.w3.org/1999/xhtml)" },
        { "xxe in mets", "sn00000001/1887030401/1887030401.xml: declares a DTD or entities, which are refused (external entities are never resolved)" },
        { "billion laughs in alto", "sn00000001/1887030401/0003.xml: declares a DTD or entities, which are refused (external entities are never resolved)" },
        { "two issues for one date", "batch.xml: two issues for 1887-03-04 edition 1 (sn00000001/1887030401/1887030401.xml and sn00000001/1887030501/1887030501.xml); one date and edition is one issue" },
        { "mets names a file outside", "sn00000001/1887030401/1887030401.xml: names '../../../../etc/passwd', which is not a path inside the batch" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task A_bad_batch_is_refused_in_one_line_naming_the_file_and_changes_nothing(string what, string message)
    {
        var root = Batch();
        var issue = NdnpFixture.IssueFolder(root, "1887030401");
        var mets = Path.Combine(issue, "1887030401.xml");
        switch (what)
        {
            case "missing alto": File.Delete(Path.Combine(issue, "0003.xml")); break;
            case "missing image": File.Delete(Path.Combine(issue, "0003.jp2")); break;
            case "alto not xml": File.WriteAllBytes(Path.Combine(issue, "0003.xml"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]); break;
            case "alto of another schema": File.WriteAllText(Path.Combine(issue, "0003.xml"), "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"); break;
            case "xxe in mets":
                File.WriteAllText(mets, File.ReadAllText(mets).Replace("<mets ", "<!DOCTYPE mets [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><mets ", StringComparison.Ordinal));
                break;
            case "billion laughs in alto":
                File.WriteAllText(Path.Combine(issue, "0003.xml"), """
                    <?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><alto>&c;</alto>
                    """);
                break;
            case "two issues for one date":
                var other = Path.Combine(NdnpFixture.IssueFolder(root, "1887030501"), "1887030501.xml");
                File.WriteAllText(other, File.ReadAllText(other).Replace("1887-03-05", "1887-03-04", StringComparison.Ordinal));
                break;
            case "mets names a file outside":
                File.WriteAllText(mets, File.ReadAllText(mets).Replace("xlink:href=\"0003.xml\"", "xlink:href=\"../../../../etc/passwd\"", StringComparison.Ordinal));
                break;
        }

        var refused = await Assert.ThrowsAsync<ImportException>(() => Importer.ImportAsync(root, "binjiang"));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Empty(_f.Store.Editions);
        Assert.Empty(_f.Blobs.Keys);
    }
}

/// <summary>Reports on the caller's thread, so a test sees every report before the call returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
