using Broadsheet.Ingest.Text;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class DropCapsTests
{
    /// <summary>
    /// A 30 pt cap at x 40 standing three 10 pt lines high (baseline 126.4, on the third line's), the lines beside it
    /// starting at x 60, then the column's full-width lines from x 40.
    /// </summary>
    private static List<TextLine> Story(string cap, double capSize = 30) =>
    [
        Line(cap, capSize, 40, 126.4 - (0.88 * capSize), width: 18),
        Line("he nation has entered a new era of", 10, 60, 93.6, width: 160),
        Line("growth, the minister said on Monday", 10, 60, 105.6, width: 160),
        Line("in a speech to parliament, as the", 10, 60, 117.6, width: 160),
        Line("figures for the year were published.", 10, 40, 129.6, width: 180),
    ];

    [Theory]
    [InlineData("T", "The nation has entered a new era of")]
    [InlineData("“T", "“The nation has entered a new era of")]
    public void A_drop_cap_joins_its_word_and_the_lines_beside_it_reach_the_columns_edge(string cap, string first)
    {
        var merged = DropCaps.Merge(Story(cap));

        Assert.Equal(
            [first, "growth, the minister said on Monday", "in a speech to parliament, as the", "figures for the year were published."],
            merged.OrderBy(l => l.Box.Top).Select(l => l.Text));
        Assert.All(merged, l => Assert.Equal(40, l.Box.Left));
    }

    [Theory]
    [InlineData("T", 16)]
    [InlineData("春", 30)]
    public void A_letter_not_twice_the_text_or_a_lone_cjk_character_is_no_drop_cap(string cap, double size)
    {
        var lines = Story(cap, size);

        Assert.Equal(lines.Select(l => l.Text), DropCaps.Merge(lines).Select(l => l.Text));
    }
}
