using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

/// <summary>Rows of 10 pt glyphs, 14 pt apart; the gap judged is x 200 to 210 on the row at baseline 142.</summary>
public sealed class GuttersTests
{
    private const double Size = 10;

    private static readonly (double, double)[] TwoColumns = [(40, 200), (210, 370)];

    private static readonly (double, double)[] Across = [(40, 370)];

    private static Glyph[] Row(double baseline, double size, params (double From, double To)[] runs) =>
    [
        .. runs.SelectMany(run => Enumerable.Range(0, (int)Math.Round((run.To - run.From) / size))
            .Select(i => run.From + (i * size))
            .Select(x => new Glyph("字", Glyph.EmBox(x, x + size, baseline, size), baseline, size))),
    ];

    private static Gutters.Verdict Judge(params Glyph[][] neighbours) =>
        new Gutters([Row(142, Size, TwoColumns), .. neighbours]).Judge(142, 200, 210, Size);

    [Fact]
    public void A_gap_the_rows_above_and_below_leave_empty_is_a_gutter()
    {
        Assert.Equal(Gutters.Verdict.Gutter, Judge(Row(114, Size, TwoColumns), Row(128, Size, TwoColumns), Row(156, Size, TwoColumns), Row(170, Size, TwoColumns)));
    }

    [Fact]
    public void A_gap_the_rows_around_run_across_is_a_wide_space()
    {
        Assert.Equal(Gutters.Verdict.Space, Judge(Row(114, Size, Across), Row(128, Size, Across), Row(156, Size, Across), Row(170, Size, Across)));
    }

    [Fact]
    public void A_gap_with_no_rows_around_is_unknown()
    {
        Assert.Equal(Gutters.Verdict.Unknown, Judge());
        Assert.Equal(Gutters.Verdict.Unknown, Judge(Row(128, Size, TwoColumns)));
    }

    [Fact]
    public void A_caption_in_smaller_type_across_the_strip_says_nothing_about_the_columns()
    {
        Assert.Equal(
            Gutters.Verdict.Gutter,
            Judge(Row(114, 8, Across), Row(124, 8, Across), Row(128, Size, TwoColumns), Row(134, 8, Across), Row(156, Size, TwoColumns)));
    }
}
