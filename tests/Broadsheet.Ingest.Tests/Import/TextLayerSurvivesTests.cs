using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;
using Broadsheet.Samples;
using UglyToad.PdfPig;

namespace Broadsheet.Ingest.Tests.Import;

/// <summary>
/// The sanitised copy of a page (what the importer reads and readers download) has the original's text layer:
/// PdfPig finds the same letters at the same places, and the importer's reader the same lines. Checked on
/// generated pages (TrueType and CFF fonts, a Chinese and an English page) and on the real pages of
/// ../shared/corpus/real/ where that folder exists.
/// </summary>
// Sanitises generated and real corpus pages through mutool: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class TextLayerSurvivesTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly PdfPageBudget Budget = new(32L << 20, 64L << 20, 250_000_000, ToolLimits.Default);
    private readonly TempFolder _temp = new();

    public static TheoryData<string> RealPages()
    {
        var data = new TheoryData<string>();
        var folder = RealFolder;
        if (Directory.Exists(folder))
        {
            foreach (var pdf in Directory.EnumerateFiles(folder, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(folder, pdf));
            }
        }
        else
        {
            // Said once, in the test's output: the real pages are not in this checkout.
            data.Add("");
        }

        return data;
    }

    /// <summary><c>../shared/corpus/real/</c> beside the repository, or one folder further up for a git worktree in a folder of worktrees.</summary>
    private static string RealFolder =>
        new[] { Fixtures.Repository("..", "shared", "corpus", "real"), Fixtures.Repository("..", "..", "shared", "corpus", "real") }.FirstOrDefault(Directory.Exists)
        ?? Fixtures.Repository("..", "shared", "corpus", "real");

    [Theory]
    [InlineData(SampleFontSet.TrueType)]
    [InlineData(SampleFontSet.NotoCff)]
    public async Task Generated_pages_read_the_same_after_sanitising(SampleFontSet fonts)
    {
        var edition = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 3, PageCount = 4, Fonts = fonts, IncludeEnglishPage = true }, _temp.Folder("edition"));

        foreach (var page in edition.Pages)
        {
            await AssertSameTextAsync(page.PdfPath);
        }
    }

    [Theory]
    [MemberData(nameof(RealPages))]
    public async Task Real_pages_read_the_same_after_sanitising(string page)
    {
        if (page.Length == 0)
        {
            // xunit 2 cannot skip at run time; the row says what was not checked.
            output.WriteLine("../shared/corpus/real/ is not here beside the repository; the real pages were not checked");
            return;
        }

        await AssertSameTextAsync(Path.Combine(RealFolder, page));
    }

    private async Task AssertSameTextAsync(string original)
    {
        var copy = Path.Combine(_temp.Folder("clean"), Path.GetFileName(original));
        await ImporterFixture.Sanitizer.ExtractPageAsync(original, 1, copy, Budget);

        using (var before = PdfDocument.Open(original, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true }))
        using (var after = PdfDocument.Open(copy, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true }))
        {
            Assert.Equal(Letters(before.GetPage(1)), Letters(after.GetPage(1)));
        }

        Assert.Equal(PdfLayoutReader.ReadFirstPage(original).Lines.Select(l => l.Text), PdfLayoutReader.ReadFirstPage(copy).Lines.Select(l => l.Text));
    }

    private static List<string> Letters(UglyToad.PdfPig.Content.Page page) =>
        [.. page.Letters.Select(l => FormattableString.Invariant($"{l.Value} {l.StartBaseLine.X:0.00} {l.StartBaseLine.Y:0.00} {l.PointSize:0.0}"))];

    public void Dispose() => _temp.Dispose();
}
