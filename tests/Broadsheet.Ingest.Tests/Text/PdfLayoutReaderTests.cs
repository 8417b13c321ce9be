using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Text;

public sealed class PdfLayoutReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lines_rules_and_images_come_out_in_top_left_coordinates()
    {
        var path = new TestPdf(600, 800)
            .Text("Council approves the budget", 20, 50, 100, bold: true)
            .Text("The council voted on Monday.", 9, 50, 140)
            .Rule(40, 60, 560)
            .Image(300, 200, 500, 350)
            .Save(_temp.PathOf("01.pdf"));

        var layout = PdfLayoutReader.ReadFirstPage(path);

        Assert.Equal(600, layout.Width, 3);
        Assert.Equal(800, layout.Height, 3);
        var headline = layout.Lines.Single(l => l.Text == "Council approves the budget");
        Assert.Equal(20, headline.FontSize, 1);
        Assert.True(headline.IsBold);
        Assert.Equal(100, headline.Box.Top, 0);
        Assert.Equal(50, headline.Box.Left, 0);
        var body = layout.Lines.Single(l => l.Text == "The council voted on Monday.");
        Assert.False(body.IsBold);
        Assert.Equal("#000000", body.Colour);
        var rule = Assert.Single(layout.Rules);
        Assert.True(rule.IsHorizontal);
        Assert.Equal(60, rule.Box.CenterY, 0);
        var image = Assert.Single(layout.Images);
        Assert.Equal(new PageBox(300, 200, 500, 350), image.Box);
    }
}
