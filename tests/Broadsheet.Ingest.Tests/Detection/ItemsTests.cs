using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class ItemsTests
{
    private static TitleBlock Head(string headline) => new([], [Line(headline, 20, 40, 60, bold: true)], []);

    /// <summary>Two letters in one 10 pt column: a bold title, the letter, the writer's name in bold with a comma, the town.</summary>
    private static List<TextLine> Letters() =>
    [
        .. new (string Text, bool Bold)[]
        {
            ("Fix the potholes first", true),
            ("Sir, the roads in our town are a disgrace and", false),
            ("the council must act before winter comes.", false),
            ("Jane Smith,", true),
            ("Leeds", false),
            ("Trains must run on time", true),
            ("Sir, the morning train was late again this", false),
            ("week, for the third week running.", false),
            ("Sasti Brata Kabiraj,", true),
            ("Kolkata", false),
        }.Select((l, i) => Line(l.Text, 10, 40, 100 + (i * 14), bold: l.Bold, width: Math.Min(180, l.Text.Length * 5))),
    ];

    [Theory]
    [InlineData("LETTERS TO THE EDITOR")]
    [InlineData("Letters to the Editor")]
    [InlineData("读者来信")]
    [InlineData("In Brief")]
    public void Letters_under_a_standing_head_are_items_each_with_its_title_and_signature(string head)
    {
        var items = Items.Split(Head(head), Letters());

        Assert.Equal(["Fix the potholes first", "Trains must run on time"], items.Select(i => i.Title.Text));
        Assert.Equal("Jane Smith", Items.Signature(items[0].Body, out var first));
        Assert.Equal(2, first);
        Assert.Equal("Sasti Brata Kabiraj", Items.Signature(items[1].Body, out var second));
        Assert.Equal(2, second);
        Assert.Equal("Sir, the roads in our town are a disgrace and", items[0].Body[0].Text);
    }

    [Fact]
    public void A_column_under_an_ordinary_headline_is_not_split()
    {
        Assert.Empty(Items.Split(Head("Council approves the budget"), Letters()));
    }

    [Fact]
    public void Briefs_whose_bold_leads_run_into_their_text_stay_one_article()
    {
        List<TextLine> briefs =
        [
            Line("Fire in the market.", 10, 40, 100, bold: true, width: 95),
            Line("Firefighters were called to the covered", 10, 40, 114, width: 180),
            Line("market on Monday night.", 10, 40, 128, width: 115),
            Line("Library reopens.", 10, 40, 142, bold: true, width: 80),
            Line("The central library opened its doors again", 10, 40, 156, width: 180),
            Line("after a year of repairs.", 10, 40, 170, width: 120),
        ];

        Assert.Empty(Items.Split(Head("In Brief"), briefs));
    }

    [Fact]
    public void An_item_without_a_bold_name_and_comma_at_its_foot_has_no_signature()
    {
        List<TextLine> body = [Line("The roads are a disgrace.", 10, 40, 100), Line("Jane Smith", 10, 40, 114)];

        Assert.Null(Items.Signature(body, out var lines));
        Assert.Equal(0, lines);
    }
    [Fact]
    public void Letters_side_by_side_under_one_standing_head_each_keep_to_their_own_columns()
    {
        // The standing head over the first letter's column; the second letter in the next column.
        var builder = new LayoutBuilder(842, 1191).Line("LETTERS TO THE EDITOR", 14, 40, 80, bold: true, width: 170);
        foreach (var (left, title, name) in new[] { (40.0, "Fix the potholes first", "Jane Smith,"), (234.0, "Trains must run on time", "Sasti Brata Kabiraj,") })
        {
            builder.Line(title, 10, left, 104, bold: true, width: 120);
            for (var i = 0; i < 8; i++)
            {
                builder.Line("Sir, the roads in our town are a disgrace and the", 10, left, 118 + (i * 14), width: 180);
            }

            builder.Line(name, 10, left, 230, bold: true, width: 90).Line("Leeds", 10, left, 244, width: 30);
        }

        var letters = new SimpleArticleDetector().Detect(builder.Build());

        Assert.Equal(["Fix the potholes first", "Trains must run on time"], letters.Select(l => l.Headline));
        Assert.All(letters, l => Assert.Equal("LETTERS TO THE EDITOR", l.Kicker));
        Assert.True(letters[1].Parts.Min(p => p.Left) >= 230, $"the second letter reaches left to {letters[1].Parts.Min(p => p.Left)}");
        Assert.True(letters[0].Parts.Max(p => p.Right) <= 225, $"the first letter reaches right to {letters[0].Parts.Max(p => p.Right)}");
    }
}
