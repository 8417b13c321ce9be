using Broadsheet.Core.Model;
using Broadsheet.Ingest.Tests.Fakes;
using Broadsheet.Samples;

namespace Broadsheet.Ingest.Tests.Import;

/// <summary>
/// A page whose PDF gives no usable text is read by OCR from its raster, its articles found in what OCR read, and
/// everything about it flagged as OCR for the desk; when OCR cannot read it, the edition still publishes.
/// </summary>
// Imports through OCR: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class OcrImportTests : IDisposable
{
    private readonly ImporterFixture _f = new();
    private readonly FakeOcr _ocr = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_page_with_junk_text_is_read_by_ocr_in_the_papers_language_and_flagged()
    {
        var result = await ImportAsync();

        var edition = Assert.Single(_f.Store.Editions);
        var page = edition.Pages.Single(p => p.Label == "03");
        Assert.Equal(PageTextSource.Ocr, page.TextSource);
        Assert.True(page.Doubts.HasFlag(PageDoubts.Ocr));
        Assert.False(page.Doubts.HasFlag(PageDoubts.UnreadableText));
        Assert.Equal("the text was read by OCR (fake, 90 % sure): check it", page.ReviewNote);
        var story = Assert.Single(edition.Articles, a => a.Regions.Any(r => ReferenceEquals(r.Page, page)));
        Assert.Equal("Flood defences hold as river peaks", story.Headline);
        Assert.EndsWith("the river fell by morning.", story.Paragraphs[^1], StringComparison.Ordinal);
        Assert.True(story.Doubts.HasFlag(ArticleDoubts.Ocr));
        Assert.InRange(story.Confidence, 0, 0.9 + 1e-9);
        Assert.Contains(result.Warnings, w => w.Contains("read by OCR", StringComparison.Ordinal));
        // Only the page that needed it was read, in the publication's language.
        var read = Assert.Single(_ocr.Reads);
        Assert.Equal(["zh-CN"], read.Languages);
        Assert.All(edition.Pages.Where(p => p.Label != "03"), p => Assert.Equal(PageTextSource.Pdf, p.TextSource));
    }

    [Fact]
    public async Task When_ocr_cannot_read_the_page_the_edition_still_publishes_with_the_page_flagged()
    {
        _ocr.Failure = new TimeoutException("OCR took longer than 300 s");

        var result = await ImportAsync();

        var page = Assert.Single(_f.Store.Editions).Pages.Single(p => p.Label == "03");
        Assert.Equal(PageTextSource.None, page.TextSource);
        Assert.True(page.Doubts.HasFlag(PageDoubts.UnreadableText));
        Assert.Contains("OCR could not read the page (OCR took longer than 300 s)", page.ReviewNote, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Contains("OCR could not read the page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_ocr_turned_upright_is_shown_upright()
    {
        _ocr.Rotation = 90;

        await ImportAsync();

        var page = Assert.Single(_f.Store.Editions).Pages.Single(p => p.Label == "03");
        Assert.Contains("turned 90°", page.ReviewNote, StringComparison.Ordinal);
        // The reader's images are made from the turned raster.
        Assert.StartsWith("largeturned", System.Text.Encoding.ASCII.GetString(_f.Blobs[page.ImageKey!][..11]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_ocr_switched_off_the_page_is_left_to_the_desk()
    {
        _f.Options.Ocr = false;

        await ImportAsync();

        var page = Assert.Single(_f.Store.Editions).Pages.Single(p => p.Label == "03");
        Assert.Empty(_ocr.Reads);
        Assert.Equal(PageTextSource.None, page.TextSource);
        Assert.Equal("the page's text is not readable (its fonts map glyphs to no usable characters); its articles were not detected", page.ReviewNote);
    }

    private Task<ImportResult> ImportAsync()
    {
        var package = _f.PathOf("2026-11-02");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 5, PageCount = 4, UnmappedFontPage = 3 }, package);
        return _f.ImporterWith(_ocr).ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });
    }
}
