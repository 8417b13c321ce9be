using UglyToad.PdfPig;

namespace Broadsheet.Samples.Tests;

/// <summary>An edition with the real-world PDF quirks on: numbers split into runs, and one page without usable Unicode maps.</summary>
public sealed class QuirkEditionFixture() : EditionFixture(new SampleEditionOptions { Seed = 5, PageCount = 4, Quirks = true, UnmappedFontPage = 3 });

// Generates a whole edition with quirks: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class QuirkTests(QuirkEditionFixture fixture) : IClassFixture<QuirkEditionFixture>
{
    [Fact]
    public void Quirks_change_the_pdfs_but_not_the_truth()
    {
        using var plain = new TempDirectory();
        var edition = SampleEditionGenerator.Generate(fixture.Options with { Quirks = false, UnmappedFontPage = null }, plain.Path);

        foreach (var (quirky, straight) in fixture.Edition.Pages.Zip(edition.Pages))
        {
            Assert.Equal(straight.Articles.Select(a => a.Headline), quirky.Articles.Select(a => a.Headline));
            Assert.Equal(
                straight.Articles.SelectMany(a => a.Paragraphs),
                quirky.Articles.SelectMany(a => a.Paragraphs));
            Assert.NotEqual(File.ReadAllBytes(straight.PdfPath), File.ReadAllBytes(quirky.PdfPath));
        }
    }

    [Fact]
    public void Numbers_are_split_into_runs_with_a_space_drawn_under_the_next_digit()
    {
        var page = fixture.Edition.Pages[0];
        using var document = PdfDocument.Open(page.PdfPath);
        var letters = document.GetPage(1).Letters;

        // "5月1" + " " then, later in the stream, "9日": the space sits where the 9 does.
        var spacesOnDigits = letters.Where(l => l.Value == " ")
            .Count(space => letters.Any(d => char.IsAsciiDigit(d.Value[0]) && Math.Abs(d.StartBaseLine.X - space.StartBaseLine.X) < 0.01
                && Math.Abs(d.StartBaseLine.Y - space.StartBaseLine.Y) < 0.5 && d.StartBaseLine.Y != space.StartBaseLine.Y));
        Assert.True(spacesOnDigits >= 5, $"only {spacesOnDigits} split numbers on page {page.Label}");
    }

    [Fact]
    public void The_unmapped_page_says_so_in_its_truth_and_reads_back_as_private_use_code_points()
    {
        foreach (var page in fixture.Edition.Pages)
        {
            var truth = GroundTruth.ReadPage(page.TruthPath);
            var text = fixture.Text(page.Label).Compact;
            if (page.Label == "03")
            {
                Assert.True(truth.TextUnreadable);
                Assert.NotEmpty(truth.Articles);
                Assert.All(text, c => Assert.InRange(c, '\uE000', '\uF8FF'));
            }
            else
            {
                Assert.False(truth.TextUnreadable);
                Assert.DoesNotContain(text, c => c is >= '\uE000' and <= '\uF8FF');
            }
        }
    }
}

public sealed class HeadlineTruthTests
{
    [Fact]
    public void A_headline_set_on_two_lines_is_true_to_the_page_without_the_space_the_break_took()
    {
        var templates = Text.ChineseCorpus.Themes.SelectMany(t => t.Headlines).Where(h => h.Contains('\u3000', StringComparison.Ordinal) && !h.Contains('{', StringComparison.Ordinal)).ToList();
        for (var seed = 1; seed <= 40; seed++)
        {
            using var directory = new TempDirectory();
            var edition = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = seed, PageCount = 4 }, directory.Path);
            var broken = edition.Pages.SelectMany(p => p.Articles.Where(a => a.Regions[0].PageLabel == p.Label).Select(a => (Page: p, Article: a)))
                .FirstOrDefault(x => templates.Any(t => t.Replace("\u3000", "", StringComparison.Ordinal) == x.Article.Headline));
            if (broken.Article is null)
            {
                continue;
            }

            using var document = PdfDocument.Open(broken.Page.PdfPath);
            var raw = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
            Assert.Contains(broken.Article.Headline, raw, StringComparison.Ordinal);
            return;
        }

        Assert.Fail("No seed up to 40 sets a headline with an ideographic space on two lines.");
    }
}
