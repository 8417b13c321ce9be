namespace Broadsheet.Samples.Tests;

/// <summary>The CFF font set reproduces a real-world quirk: Type 3 fonts whose ToUnicode maps give Kangxi radicals.</summary>
// Generates a whole edition in another font: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class NotoCffTests
{
    [Fact]
    public void Noto_cff_pages_read_back_with_kangxi_radicals_instead_of_the_printed_characters()
    {
        using var directory = new TempDirectory();
        var edition = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 3, PageCount = 4, Fonts = SampleFontSet.NotoCff }, directory.Path);

        var page = edition.Pages[1];
        var text = PdfText.Read(page.PdfPath);
        Assert.Contains(text.Compact, c => c is >= '\u2F00' and <= '\u2FDF');
        Assert.DoesNotContain(page.Articles.SelectMany(a => a.Paragraphs), p => p.Any(c => c is >= '\u2F00' and <= '\u2FDF'));
        Assert.Contains(page.Articles.SelectMany(a => a.Paragraphs), p => !text.Contains(p));

        Assert.Contains("/Subtype /Type3", File.ReadAllText(page.PdfPath, System.Text.Encoding.Latin1), StringComparison.Ordinal);
    }
}
