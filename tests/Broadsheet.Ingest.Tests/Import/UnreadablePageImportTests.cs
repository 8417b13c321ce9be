using Broadsheet.Samples;

namespace Broadsheet.Ingest.Tests.Import;

/// <summary>A page whose fonts map glyphs to nothing usable, imported without OCR: published for its image, never for gibberish text.</summary>
// Generates and imports a whole edition: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class UnreadablePageImportTests : IDisposable
{
    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Its_articles_are_left_out_and_the_page_is_marked_for_review_saying_why()
    {
        var package = _f.PathOf("2026-11-02");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 5, PageCount = 4, UnmappedFontPage = 3 }, package);

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        var edition = Assert.Single(_f.Store.Editions);
        var unreadable = edition.Pages.Single(p => p.Label == "03");
        Assert.Equal(
            "the page's text is not readable (its fonts map glyphs to no usable characters); its articles were not detected",
            unreadable.ReviewNote);
        Assert.DoesNotContain(edition.Articles, a => a.Regions.Any(r => ReferenceEquals(r.Page, unreadable)));
        Assert.Contains(result.Warnings, w => w.Contains("not readable", StringComparison.Ordinal));
        Assert.All(edition.Pages.Where(p => p.Label != "03"), p => Assert.Null(p.ReviewNote));
    }
}
