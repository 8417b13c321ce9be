using Broadsheet.Core.Model;
using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Layout;
using Broadsheet.Samples.Truth;

namespace Broadsheet.Samples.Tests;

public sealed class LayoutRuleTests
{
    [Fact]
    public void A_rectangular_slot_has_a_four_point_region()
    {
        var grid = new PageGrid(8);
        var points = RegionBuilder.Build(grid, new Slot(SlotKind.Story, 2, 3, 100, 500));
        Assert.Equal(4, points.Count);
        Assert.Equal(new NormalisedPoint(Math.Round(grid.ColumnLeft(2) / 992, 6), Math.Round(100 / 1417d, 6)), points[0]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_notched_slot_has_an_l_shaped_region_that_leaves_the_notch_free(bool notchOnRight)
    {
        var grid = new PageGrid(8);
        var slot = new Slot(SlotKind.Story, 0, 6, 100, 900);
        var notch = notchOnRight ? (First: 3, Count: 3) : (First: 0, Count: 3);
        for (var i = notch.First; i < notch.First + notch.Count; i++)
        {
            slot.Bottoms[i] = 500;
        }

        var region = new Polygon(RegionBuilder.Build(grid, slot));
        var notchRegion = new Polygon(RegionBuilder.Build(grid, new Slot(SlotKind.PhotoNews, notch.First, notch.Count, 514, 900)));

        Assert.Equal(6, region.Points.Count);
        for (var x = 0.0; x < 1; x += 0.002)
        {
            for (var y = 0.0; y < 1; y += 0.002)
            {
                Assert.False(region.Contains(x, y) && notchRegion.Contains(x, y), $"overlap at {x}, {y}");
            }
        }

        var deep = notchOnRight ? 1 : 4;
        Assert.True(region.Contains((grid.ColumnLeft(deep) + 5) / 992, 880 / 1417d), "the deep columns belong to the story");
    }

    [Theory]
    [InlineData("一二三四五六七八九十，一二三", "，")]
    [InlineData("一二三四五六七八九十。”一二", "。")]
    [InlineData("一二三四五六七八九（十一二", "（")]
    [InlineData("一二三四五六七八九——十一二", "—")]
    public void Punctuation_never_starts_or_ends_a_line_where_it_should_not(string text, string mark)
    {
        using var fonts = FontLibrary.Load(SampleFontSet.TrueType);
        var setter = new TextSetter(fonts);
        var lines = setter.Break([new TextRun(text, FontRole.Serif, Ink.Black)], 10, 100);
        var strings = lines.Select(l => new string([.. l.Chars.Select(c => c.Char)])).ToList();

        Assert.Equal(text, string.Concat(strings));
        Assert.True(strings.Count > 1);
        Assert.All(strings.Skip(1), s => Assert.False("，。、；：？！）”—".Contains(s[0], StringComparison.Ordinal), $"line starts with {s[0]}: {string.Join(" / ", strings)}"));
        Assert.All(strings, s => Assert.False("（“".Contains(s[^1], StringComparison.Ordinal), $"line ends with {s[^1]}"));
        Assert.Contains(strings, s => s.Contains(mark, StringComparison.Ordinal));
    }

    [Fact]
    public void Full_lines_are_justified_to_the_column_and_the_last_is_not()
    {
        using var fonts = FontLibrary.Load(SampleFontSet.TrueType);
        var lines = new TextSetter(fonts).Break([new TextRun("本报讯（记者 张三）2026年11月1日，民警调解了一起纠纷，双方握手言和。", FontRole.Serif, Ink.Black)], 9.4, 103.5, firstIndent: 18.8);
        Assert.All(lines.SkipLast(1), l => Assert.Equal(103.5, l.Width, 1));
        Assert.True(lines[^1].Width < 103.5);
        Assert.Equal(18.8, lines[0].Chars[0].X, 3);
    }
}
