using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class StandfirstsTests
{
    [Fact]
    public void A_portraits_caption_with_a_name_in_bold_gives_the_writers_name()
    {
        Assert.Equal("Jane Smith", Standfirsts.AuthorName([Line("Jane Smith", 10, 40, 300, bold: true), Line("is professor of economics at Leeds", 9, 40, 312)]));
        Assert.Equal("张三", Standfirsts.AuthorName([Line("张三", 10, 40, 300, bold: true), Line("本报特约评论员", 9, 40, 312)]));
    }

    [Fact]
    public void A_photo_caption_is_no_author_box()
    {
        Assert.Null(Standfirsts.AuthorName([Line("Firefighters battle the blaze", 10, 40, 300, bold: true), Line("on Monday night in Leeds", 9, 40, 312)]));
        Assert.Null(Standfirsts.AuthorName([Line("Jane Smith", 9, 40, 300), Line("is professor of economics at Leeds", 9, 40, 312)]));
        Assert.Null(Standfirsts.AuthorName([Line("Jane Smith", 10, 40, 300, bold: true)]));
    }

    /// <summary>Twenty 10 pt lines 180 pt wide at x 40, and three 11 pt lines 100 pt wide stacked at x 240 from y 100.</summary>
    private static List<TextLine> OpinionBody() =>
    [
        .. Enumerable.Range(0, 20).Select(i => Line("body text of the column", 10, 40, 100 + (i * 14), width: 180)),
        Line("Why the city", 11, 240, 100, width: 100),
        Line("must rethink its", 11, 240, 114, width: 100),
        Line("transport plans", 11, 240, 128, width: 100),
    ];

    [Fact]
    public void A_standfirst_in_a_narrow_column_is_taken_out_of_the_text()
    {
        var (standfirst, others) = Standfirsts.Take(OpinionBody(), [], new FontSizes(10));

        Assert.Equal(["Why the city", "must rethink its", "transport plans"], standfirst.Select(l => l.Text));
        Assert.Equal(20, others.Count);
        Assert.All(others, l => Assert.Equal(10, l.FontSize));
    }

    [Fact]
    public void Lines_right_under_a_photo_are_its_caption_not_a_standfirst()
    {
        var (standfirst, others) = Standfirsts.Take(OpinionBody(), [new PageBox(240, 20, 340, 95)], new FontSizes(10));

        Assert.Empty(standfirst);
        Assert.Equal(23, others.Count);
    }
    [Fact]
    public void A_standfirst_of_ten_short_lines_in_a_column_a_few_words_wide_is_taken_out()
    {
        string[] words = ["Under Prime", "Minister Tarique", "Rahman, Bangla-", "desh's", "democratic", "journey seeks", "inclusion,", "equality, dignity,", "and accountable", "governance"];
        List<TextLine> body =
        [
            .. Enumerable.Range(0, 30).Select(i => Line("body text of the column", 10, 40, 100 + (i * 14), width: 180)),
            .. words.Select((w, i) => Line(w, 11, 240, 300 + (i * 12), width: 72)),
        ];

        var (standfirst, others) = Standfirsts.Take(body, [], new FontSizes(10));

        Assert.Equal(words, standfirst.Select(l => l.Text));
        Assert.Equal(30, others.Count);
    }

    [Fact]
    public void A_long_passage_in_larger_type_is_no_standfirst()
    {
        List<TextLine> body =
        [
            .. Enumerable.Range(0, 30).Select(i => Line("body text of the column", 10, 40, 100 + (i * 14), width: 180)),
            .. Enumerable.Range(0, 12).Select(i => Line("a longer line of type, set larger", 11, 240, 300 + (i * 12), width: 100)),
        ];

        Assert.Empty(Standfirsts.Take(body, [], new FontSizes(10)).Standfirst);
    }
}
