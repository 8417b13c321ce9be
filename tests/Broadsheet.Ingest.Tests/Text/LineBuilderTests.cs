using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Text;

public sealed class LineBuilderTests
{
    [Fact]
    public void Cjk_glyphs_on_a_baseline_form_one_line_without_spaces()
    {
        var lines = LineBuilder.Build(Row("平安贵阳建设", 100, 200, 10), []);

        var line = Assert.Single(lines);
        Assert.Equal("平安贵阳建设", line.Text);
        Assert.Equal(10, line.FontSize);
        Assert.Equal(100, line.Box.Left, 3);
        Assert.Equal(160, line.Box.Right, 3);
    }

    [Fact]
    public void A_column_gutter_splits_a_baseline_into_two_lines()
    {
        var glyphs = Row("左栏文字", 100, 200, 10).Concat(Row("右栏文字", 152, 200, 10));

        var lines = LineBuilder.Build(glyphs, []);

        Assert.Equal(["左栏文字", "右栏文字"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_vertical_rule_splits_a_baseline_even_when_the_gap_is_small()
    {
        var glyphs = Row("左栏", 100, 200, 10).Concat(Row("右栏", 124, 200, 10));
        var rule = new PageRule(new PageBox(121.5, 150, 122.5, 260));

        var lines = LineBuilder.Build(glyphs, [rule]);

        Assert.Equal(["左栏", "右栏"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Latin_words_get_the_spaces_the_pdf_left_out()
    {
        var glyphs = Row("By", 100, 200, 10, advance: 5).Concat(Row("Jane", 113, 200, 10, advance: 5));

        Assert.Equal("By Jane", Assert.Single(LineBuilder.Build(glyphs, [])).Text);
    }

    [Fact]
    public void Radicals_are_folded_and_fake_bold_is_merged()
    {
        var glyphs = Row("近\u2F47", 100, 200, 10).ToList();
        glyphs.Add(glyphs[0] with { Box = glyphs[0].Box with { Left = 100.3, Right = 110.3 } });

        var line = Assert.Single(LineBuilder.Build(glyphs, []));

        Assert.Equal("近日", line.Text);
    }

    [Fact]
    public void An_em_wide_blank_is_an_ideographic_space_and_kept_at_either_end_of_a_line()
    {
        // Fonts that share the glyph report U+3000 as U+2003 EM SPACE.
        var glyphs = Row("落幕\u2003", 100, 200, 10).Concat(Row("\u3000本届", 100, 215, 10));

        Assert.Equal(["落幕\u3000", "\u3000本届"], LineBuilder.Build(glyphs, []).Select(l => l.Text));
    }

    [Fact]
    public void A_number_split_into_runs_the_founder_way_reads_whole()
    {
        // Founder PDFGenerator: "5月 1" (its space drawn under the next digit), and later in the content stream
        // "9日起" a hair below the baseline. A neighbouring column's line sits a little higher, so the page's rows
        // start above this line's baseline.
        var first = Row("近日5月", 100, 200, 10).Concat(Row("1", 140, 200, 10, advance: 5))
            .Append(new Glyph(" ", Glyph.EmBox(145, 148, 200, 10), 200, 10));
        var second = Row("9", 145, 200.3, 10, advance: 5).Concat(Row("日起", 150, 200.3, 10));
        var neighbour = Row("邻栏文字", 200, 197.6, 10);

        var lines = LineBuilder.Build(neighbour.Concat(second).Concat(first), []);

        Assert.Contains(lines, l => l.Text == "近日5月19日起");
        Assert.Contains(lines, l => l.Text == "邻栏文字");
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void A_space_drawn_between_words_still_separates_them()
    {
        var glyphs = Row("word", 100, 200, 10, advance: 5).Append(new Glyph(" ", Glyph.EmBox(120, 123, 200, 10), 200, 10)).Concat(Row("next", 123, 200, 10, advance: 5));

        Assert.Equal("word next", Assert.Single(LineBuilder.Build(glyphs, [])).Text);
    }

    [Fact]
    public void Lines_come_top_to_bottom()
    {
        var glyphs = Row("第二行", 100, 230, 10).Concat(Row("第一行", 100, 215, 10));

        Assert.Equal(["第一行", "第二行"], LineBuilder.Build(glyphs, []).Select(l => l.Text));
    }

    private static IEnumerable<Glyph> Row(string text, double left, double baseline, double size, double? advance = null)
    {
        var x = left;
        foreach (var rune in text.EnumerateRunes())
        {
            var width = advance ?? size;
            yield return new Glyph(rune.ToString(), Glyph.EmBox(x, x + width, baseline, size), baseline, size);
            x += width;
        }
    }
}
