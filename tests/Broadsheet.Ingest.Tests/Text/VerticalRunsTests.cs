using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Text;

public sealed class VerticalRunsTests
{
    /// <summary>Glyphs as a PDF draws a vertical column: one under the other at <paramref name="x"/>, an em apart.</summary>
    private static IEnumerable<Glyph> Down(string text, double x, double top, double size = 8) =>
        text.Select((c, i) => Glyph(c.ToString(), x, top + ((i + 0.88) * size), size));

    private static IEnumerable<Glyph> Across(string text, double left, double baseline, double size = 8) =>
        text.Select((c, i) => Glyph(c.ToString(), left + (i * size), baseline, size));

    private static Glyph Glyph(string value, double left, double baseline, double size) =>
        new(value, Broadsheet.Ingest.Text.Glyph.EmBox(left, left + size, baseline, size), baseline, size);

    [Fact]
    public void Columns_drawn_top_to_bottom_become_vertical_lines_and_text_across_is_left_alone()
    {
        // Two columns side by side, their characters level with each other: cut into rows they would read
        // "道歩路行交者通は…".
        List<Glyph> glyphs = [.. Down("道路交通法の一部", 400, 60), .. Down("歩行者は、進行する", 384, 60), .. Across("平成二十年四月", 40, 40)];

        var (lines, others) = VerticalRuns.Take(glyphs, HanScript.Simplified);

        Assert.Equal(["道路交通法の一部", "歩行者は、進行する"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.True(l.IsVertical));
        var (left, top, right, bottom) = lines[0].Box;
        Assert.Equal([400, 60, 408, 124], new[] { left, top, right, bottom }.Select(v => Math.Round(v, 6)));
        Assert.Equal("平成二十年四月", string.Concat(others.Select(g => g.Value)));
    }

    [Fact]
    public void A_bracket_standing_off_its_column_and_a_space_inside_it_keep_the_column_whole()
    {
        List<Glyph> glyphs = [.. Down("同表中", 400, 60), Glyph("「", 405, 60 + (3.88 * 8), 8), Glyph(" ", 400, 60 + (4.88 * 8), 8), .. Down("歩行者", 400, 60 + (4 * 8))];

        var (lines, others) = VerticalRuns.Take(glyphs, HanScript.Simplified);

        Assert.Equal("同表中「歩行者", Assert.Single(lines).Text);
        Assert.Empty(others);
    }

    [Fact]
    public void Short_stacks_and_latin_letters_are_not_vertical_runs()
    {
        List<Glyph> glyphs = [.. Down("三行", 400, 60), .. Down("ABCDE", 300, 60), .. Across("Hello world", 40, 40)];

        var (lines, others) = VerticalRuns.Take(glyphs, HanScript.Simplified);

        Assert.Empty(lines);
        Assert.Equal(glyphs, others);
    }
}
