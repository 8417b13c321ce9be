namespace Broadsheet.Samples.Tests;

// Generates several whole editions: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_byte_identical_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var options = new SampleEditionOptions { Seed = 11, PageCount = 4 };
        var a = SampleEditionGenerator.Generate(options, first.Path);
        var b = SampleEditionGenerator.Generate(options, second.Path);

        Assert.Equal(a.Pages.Select(p => Path.GetFileName(p.PdfPath)), b.Pages.Select(p => Path.GetFileName(p.PdfPath)));
        foreach (var (pa, pb) in a.Pages.Zip(b.Pages))
        {
            Assert.Equal(File.ReadAllBytes(pa.TruthPath), File.ReadAllBytes(pb.TruthPath));
            Assert.Equal(File.ReadAllBytes(pa.PdfPath), File.ReadAllBytes(pb.PdfPath));
        }
    }

    [Fact]
    public void Different_seeds_give_different_layouts_and_text()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var a = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, PageCount = 4 }, first.Path);
        var b = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 12, PageCount = 4 }, second.Path);

        for (var i = 0; i < a.Pages.Count; i++)
        {
            Assert.NotEqual(Layout(a.Pages[i]), Layout(b.Pages[i]));
            Assert.NotEqual(a.Pages[i].Articles.Select(x => x.Headline), b.Pages[i].Articles.Select(x => x.Headline));
        }

        static string Layout(SamplePage page) =>
            string.Join(" | ", page.Articles.SelectMany(x => x.Regions).Where(r => r.PageLabel == page.Label).Select(r => string.Join(" ", r.Points)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public void Page_counts_outside_four_to_sixteen_are_refused(int pages)
    {
        using var directory = new TempDirectory();
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleEditionGenerator.Generate(new SampleEditionOptions { PageCount = pages }, directory.Path));
    }
}
