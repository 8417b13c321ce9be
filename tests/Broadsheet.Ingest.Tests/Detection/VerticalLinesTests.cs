using Broadsheet.Ingest.Text;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class VerticalLinesTests
{
    [Fact]
    public void Stacks_of_single_characters_become_vertical_lines_read_top_to_bottom()
    {
        var body = Line("社区民警深入走访辖区群众", 10, 40, 100);
        List<TextLine> lines =
        [
            body,
            .. "平安贵阳".Select((c, i) => Line(c.ToString(), 24, 700, 100 + (i * 24), bold: true)),
            .. "新征程".Select((c, i) => Line(c.ToString(), 24, 660, 100 + (i * 24))),
        ];

        var joined = VerticalLines.Join(lines);

        Assert.Equal(3, joined.Count);
        var headline = Assert.Single(joined, l => l.Text == "平安贵阳");
        Assert.True(headline.IsVertical);
        Assert.True(headline.IsBold);
        Assert.Equal(new PageBox(700, 100, 724, 196), headline.Box);
        Assert.Equal(172 + (0.88 * 24), headline.Baseline, 3);
        Assert.True(Assert.Single(joined, l => l.Text == "新征程").IsVertical);
        Assert.False(Assert.Single(joined, l => l.Text == body.Text).IsVertical);
    }

    [Fact]
    public void Single_characters_far_apart_or_latin_letters_stay_as_they_are()
    {
        List<TextLine> lines =
        [
            Line("一", 24, 700, 100),
            Line("二", 24, 700, 200),
            Line("A", 24, 600, 100),
            Line("B", 24, 600, 124),
        ];

        var joined = VerticalLines.Join(lines);

        Assert.Equal(["A", "B", "一", "二"], joined.Select(l => l.Text).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(joined, l => l.IsVertical);
    }
}
