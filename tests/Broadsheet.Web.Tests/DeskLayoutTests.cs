using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Tests;

/// <summary>The pieces the page-first desk stands on: lines into blocks and paragraphs, and regions as a grid.</summary>
public sealed class DeskLayoutTests
{
    private static PageLayoutLine Line(string text, double l, double t, double r, double size = 9) => new(text, l, t, r, t + 0.01, size);

    [Fact]
    public void A_column_is_one_block_a_headline_another_and_a_line_split_on_its_baseline_stays_in()
    {
        PageLayoutLine[] lines =
        [
            Line("大标题在这里", 0.05, 0.05, 0.45, 24) with { Bottom = 0.08 },
            Line("第一行文字", 0.07, 0.10, 0.30),
            Line("2023年", 0.05, 0.112, 0.20),
            Line("7", 0.22, 0.112, 0.23),
            Line("第三行文字", 0.05, 0.124, 0.30),
            Line("另一栏的文字", 0.35, 0.10, 0.60),
            Line("隔得很远的一段", 0.05, 0.30, 0.30),
        ];

        var blocks = TextBlocks.Group(lines, 1.4);

        Assert.Equal([[0], [1, 2, 3, 4], [5], [6]], blocks.Select(b => b.Lines.ToArray()).OrderBy(b => b[0]).ToArray());
    }

    [Fact]
    public void Paragraphs_break_where_a_line_is_indented_or_the_one_before_stopped_short()
    {
        PageLayoutLine[] lines =
        [
            Line("本报讯 记者从市里获", 0.07, 0.10, 0.30),
            Line("悉，新的规定今天起施", 0.05, 0.112, 0.30),
            Line("行。", 0.05, 0.124, 0.08),
            Line("规定要求各单位在月", 0.07, 0.136, 0.30),
            Line("底前完成自查。", 0.05, 0.148, 0.20),
        ];
        var column = new Box(0.05, 0.10, 0.30, 0.158);

        var paragraphs = LineText.Paragraphs(lines, [.. lines.Select(_ => column)], 1.4);

        Assert.Equal(["本报讯 记者从市里获悉，新的规定今天起施行。", "规定要求各单位在月底前完成自查。"], paragraphs);
    }

    [Theory]
    [InlineData(new[] { "新的规定", "今天起施行" }, "新的规定今天起施行")]
    [InlineData(new[] { "The council met", "on Tuesday" }, "The council met on Tuesday")]
    [InlineData(new[] { "an exam-", "ple of it" }, "an example of it")]
    [InlineData(new[] { "2023年", "7", "月" }, "2023年7月")]
    public void Lines_join_as_their_script_reads(string[] pieces, string joined) =>
        Assert.Equal(joined, LineText.Join(pieces));

    [Fact]
    public void A_block_taken_from_the_middle_of_a_region_leaves_one_outline_round_the_hole()
    {
        var grid = RegionGrid.Of([Polygon.Rectangle(0.1, 0.1, 0.5, 0.5)]);
        grid.Subtract(new Box(0.2, 0.2, 0.3, 0.3));

        var outline = Assert.Single(grid.ToPolygons());

        // A region is one ring: it runs in to the hole along a cut of no width, round it and back out.
        Assert.False(outline.Contains(0.25, 0.25));
        Assert.True(outline.Contains(0.15, 0.15));
        Assert.True(outline.Contains(0.45, 0.45));
        Assert.True(outline.Contains(0.25, 0.35));
        Assert.Equal(0.16 - 0.01, outline.Area, 3);
    }

    [Fact]
    public void A_block_added_beside_a_region_makes_one_outline_with_its_corners_only()
    {
        var grid = RegionGrid.Of([Polygon.Rectangle(0.1, 0.1, 0.5, 0.3)]);
        grid.Add(new Box(0.1, 0.3, 0.2, 0.6));

        var outline = Assert.Single(grid.ToPolygons());

        Assert.Equal(6, outline.Points.Count);
        Assert.True(outline.Contains(0.15, 0.5));
        Assert.False(outline.Contains(0.4, 0.5));
    }

    [Fact]
    public void Overlap_is_measured_as_a_share_of_the_page()
    {
        var a = RegionGrid.Of([Polygon.Rectangle(0.1, 0.1, 0.5, 0.5)]);
        var b = RegionGrid.Of([Polygon.Rectangle(0.4, 0.4, 0.8, 0.8)]);

        Assert.Equal(0.01, a.Overlap(b), 3);
        Assert.Equal(0, a.Overlap(RegionGrid.Of([Polygon.Rectangle(0.6, 0.6, 0.9, 0.9)])));
    }
}
