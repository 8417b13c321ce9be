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

    [Fact]
    public void A_scan_with_a_whole_page_of_ocr_text_is_no_picture_but_a_full_page_advert_keeps_its_picture()
    {
        // A library's page PDF: the scan fills the page and the OCR's text lies on it, a whole page of it.
        var scan = new TestPdf(600, 800).Image(0, 0, 600, 800);
        for (var i = 0; i < 30; i++)
        {
            scan.Text("The council voted on Monday to approve the new budget.", 9, 40, 40 + (i * 12));
        }

        var advert = new TestPdf(600, 800).Image(0, 0, 600, 800).Text("SPRING SALE", 40, 100, 300, bold: true).Text("All week at Main Street", 20, 100, 360);

        Assert.Empty(PdfLayoutReader.ReadFirstPage(scan.Save(_temp.PathOf("scan.pdf"))).Images);
        Assert.Single(PdfLayoutReader.ReadFirstPage(advert.Save(_temp.PathOf("advert.pdf"))).Images);
    }
}
