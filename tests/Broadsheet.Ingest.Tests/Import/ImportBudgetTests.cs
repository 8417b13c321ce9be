using System.Text;
using Broadsheet.BadInputs;
using Broadsheet.Ingest.Tests.Support;
using UglyToad.PdfPig;

namespace Broadsheet.Ingest.Tests.Import;

/// <summary>
/// Every import ends within its budgets: too many pages, a page that draws or decodes too much, or takes too
/// long, is refused in one line naming the file and the setting, and nothing is stored.
/// </summary>
public sealed class ImportBudgetTests : IDisposable
{
    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_folder_with_more_pages_than_an_edition_may_have_is_refused_before_any_is_read()
    {
        _f.Options.MaxPages = 2;

        var ex = await RefusedAsync(_f.Package());

        Assert.Equal("2026-11-02/: 3 pages, more than the 2 an edition may have (Broadsheet:Ingest:MaxPages)", ex.Message);
        Assert.Equal(0, _f.Rasterizer.Calls);
    }

    [Fact]
    public async Task One_pdf_of_more_pages_than_an_edition_may_have_is_refused_by_its_count()
    {
        _f.Options.MaxPages = 40;
        var folder = _f.PathOf("2026-11-02");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "edition.pdf"), BadInputCorpus.ManyPages(41));

        var ex = await RefusedAsync(folder);

        Assert.Equal("edition.pdf: 41 pages, more than the 40 an edition may have (Broadsheet:Ingest:MaxPages)", ex.Message);
    }

    [Fact]
    public async Task A_manifest_listing_more_pages_than_an_edition_may_have_is_refused()
    {
        _f.Options.MaxPages = 2;
        var package = _f.Package();
        await File.WriteAllTextAsync(Path.Combine(package, "edition.json"),
            """{ "pages": [ { "label": "01", "file": "01-Front.pdf" }, { "label": "02", "file": "02-City.pdf" }, { "label": "03", "file": "03-Life.pdf" } ] }""");

        var ex = await RefusedAsync(package);

        Assert.Equal("edition.json: 3 pages, more than the 2 an edition may have (Broadsheet:Ingest:MaxPages)", ex.Message);
    }

    [Fact]
    public async Task A_page_that_takes_longer_than_its_time_is_refused_and_its_work_stopped()
    {
        _f.Options.PageSeconds = 1;
        _f.Rasterizer.Delay = TimeSpan.FromMinutes(5);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var ex = await RefusedAsync(_f.Package());

        Assert.Matches("^0[123]-[A-Za-z]+\\.pdf: the page took longer than the 1 s a page may take \\(Broadsheet:Ingest:PageSeconds\\)$", ex.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task A_page_whose_forms_draw_a_billion_times_is_refused_before_its_text_is_read()
    {
        var package = _f.Package();
        var bomb = BadInputCorpus.Named("forms-billion-laughs").Write(_f.PathOf("bomb"));
        File.Copy(Path.Combine(bomb, "03-Life.pdf"), Path.Combine(package, "03-Life.pdf"), overwrite: true);

        var ex = await RefusedAsync(package);

        Assert.StartsWith("03-Life.pdf: the page draws 7704 MB of content (forms counted each time drawn), more than the 6 MB allowed (Broadsheet:Ingest:MaxPageContentBytes)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_over_the_budget_is_refused_with_its_size_and_the_setting()
    {
        _f.Options.MaxStreamBytes = 1L << 20;
        var package = _f.Package();
        var page = RawPdf.Page();
        page.SetStream(4, "/Filter /FlateDecode", RawPdf.Deflate(" "u8.ToArray(), 3L << 20));
        await File.WriteAllBytesAsync(Path.Combine(package, "02-City.pdf"), page.Build());

        var ex = await RefusedAsync(package);

        Assert.Equal("02-City.pdf: a stream on the page decodes to 3 MB, more than the 1 MB allowed (Broadsheet:Ingest:MaxStreamBytes)", ex.Message);
    }

    [Fact]
    public async Task Each_page_of_a_whole_edition_pdf_is_stored_as_a_pdf_of_its_own()
    {
        var folder = _f.PathOf("2026-11-02");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "edition.pdf"), BadInputCorpus.ManyPages(3));

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = folder, PublicationSlug = "binjiang" });

        Assert.Equal(3, result.PageCount);
        var edition = Assert.Single(_f.Store.Editions);
        Assert.All(edition.Pages, p =>
        {
            using var pdf = PdfDocument.Open(_f.Blobs[p.PdfKey!]);
            Assert.Equal(1, pdf.NumberOfPages);
            Assert.Equal("A page among thousands", pdf.GetPage(1).Text);
        });
    }

    [Fact]
    public async Task What_readers_download_has_no_scripts_actions_attachments_or_encryption_and_the_same_text()
    {
        var package = _f.Package();
        var active = BadInputCorpus.ActivePage(("", "owner")).Build();
        await File.WriteAllBytesAsync(Path.Combine(package, "02-City.pdf"), active);

        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        var stored = _f.Blobs[Assert.Single(_f.Store.Editions).Pages[1].PdfKey!];
        var text = Encoding.Latin1.GetString(stored);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        foreach (var key in new[] { "/JavaScript", "/JS", "/OpenAction", "/AA", "/Annots", "/Launch", "/EmbeddedFile", "/Encrypt", "MZ this" })
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }

        using var original = PdfDocument.Open(active);
        using var copy = PdfDocument.Open(stored);
        Assert.Equal(Letters(original.GetPage(1)), Letters(copy.GetPage(1)));
    }

    private static List<string> Letters(UglyToad.PdfPig.Content.Page page) =>
        [.. page.Letters.Select(l => FormattableString.Invariant($"{l.Value} {l.StartBaseLine.X:0.00} {l.StartBaseLine.Y:0.00} {l.PointSize:0.0}"))];

    private async Task<ImportException> RefusedAsync(string package)
    {
        var ex = await Assert.ThrowsAsync<ImportException>(() => _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));
        Assert.Empty(_f.Store.Editions);
        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.StagingFiles);
        return ex;
    }
}
