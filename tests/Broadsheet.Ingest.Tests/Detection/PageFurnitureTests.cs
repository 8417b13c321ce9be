using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class PageFurnitureTests
{
    [Theory]
    [InlineData("Monday, November 2, 2026   $2.00", true)]
    [InlineData("Lunedì 2 novembre 2026", true)]
    [InlineData("Anno 79 N. 245  € 1,50", true)]
    [InlineData("Vol. 12 No. 301", true)]
    [InlineData("定价：2.00元", true)]
    [InlineData("Page 3", true)]
    [InlineData("The council met on Monday and voted to raise the budget for schools.", false)]
    [InlineData("Prices rose by $2.50 a gallon over the summer, the agency said on Friday.", false)]
    public void Date_issue_and_price_lines_are_furniture_only_when_short(string text, bool furniture)
    {
        Assert.Equal(furniture, PageFurniture.LooksLikeFurniture(text));
    }

    [Fact]
    public void A_date_and_price_band_under_the_mastheads_rule_is_header_not_content()
    {
        var layout = new LayoutBuilder(595, 842)
            .Line("THE TEST DAILY", 36, 150, 14, width: 300)
            .Rule(40, 59.5, 555, 60.5)
            .Line("Monday, November 2, 2026   $2.00", 8, 40, 66, width: 130)
            .Line("Council approves the budget", 24, 40, 100, width: 320)
            .Column("body", 40, 140, 20, chars: 18)
            .Build();

        Assert.Equal(74, PageFurniture.ContentBand(layout).Top, 3);
    }

    [Fact]
    public void An_inner_pages_dateline_without_a_rule_ends_the_header()
    {
        var layout = new LayoutBuilder(595, 842)
            .Line("Lunedì 2 novembre 2026", 8, 40, 20, width: 90)
            .Line("Il governo rinvia il voto", 24, 40, 60, width: 300)
            .Column("testo", 40, 100, 20, chars: 18)
            .Build();

        Assert.Equal(28, PageFurniture.ContentBand(layout).Top, 3);
    }

    [Fact]
    public void A_storys_short_line_naming_a_weekday_near_the_top_stays_in_the_story()
    {
        var layout = new LayoutBuilder(595, 842)
            .Line("The council met on Monday and voted", 10, 40, 30, width: 180)
            .Line("to raise the budget for the schools", 10, 40, 44, width: 180)
            .Line("of the city by three per cent, the", 10, 40, 58, width: 180)
            .Line("mayor said after the long meeting.", 10, 40, 72, width: 180)
            .Build();

        Assert.Equal(0, PageFurniture.ContentBand(layout).Top);
    }

    [Fact]
    public void A_page_number_alone_at_the_foot_is_footer()
    {
        var layout = new LayoutBuilder(595, 842)
            .Column("body", 40, 100, 40, chars: 18)
            .Line("Page 3", 8, 280, 820, width: 25)
            .Build();

        Assert.Equal(820, PageFurniture.ContentBand(layout).Bottom, 3);
    }
}
