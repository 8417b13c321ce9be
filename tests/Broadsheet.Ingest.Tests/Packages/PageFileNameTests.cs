using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Tests.Packages;

public sealed class PageFileNameTests
{
    [Theory]
    [InlineData("01.pdf", "01", "")]
    [InlineData("A01.pdf", "A01", "")]
    [InlineData("a01.pdf", "A01", "")]
    [InlineData("06-平安贵阳.pdf", "06", "平安贵阳")]
    [InlineData("01-头版.pdf", "01", "头版")]
    [InlineData("01_头版.pdf", "01", "头版")]
    [InlineData("B03-国际 新闻.pdf", "B03", "国际 新闻")]
    [InlineData("12头版.pdf", "12", "头版")]
    [InlineData("03.PDF", "03", "")]
    public void Label_and_name_come_from_the_file_name(string fileName, string label, string name)
    {
        var page = PageFileName.Parse(Path.Combine("pkg", fileName));

        Assert.Equal(label, page.Label);
        Assert.Equal(name, page.Name);
        Assert.Equal(fileName, page.FileName);
    }

    [Theory]
    [InlineData("头版.pdf")]
    [InlineData("-01.pdf")]
    [InlineData("ABCDEFGHI-long.pdf")]
    public void A_file_name_without_a_usable_label_is_refused_by_name(string fileName)
    {
        var ex = Assert.Throws<ImportException>(() => PageFileName.Parse(fileName));

        Assert.StartsWith(fileName + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "02", "01", "10", "3" }, new[] { "01", "02", "3", "10" })]
    [InlineData(new[] { "B01", "A02", "A10", "A01" }, new[] { "A01", "A02", "A10", "B01" })]
    [InlineData(new[] { "A01", "01" }, new[] { "01", "A01" })]
    public void Pages_are_ordered_by_section_then_page_number(string[] labels, string[] expected)
    {
        var sorted = labels.ToList();
        sorted.Sort(PageFileName.CompareLabels);

        Assert.Equal(expected, sorted);
    }
}
