using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

/// <summary>The small rules as a reader meets them: through the detector, on a hand-built page.</summary>
public sealed class RulesOnAPageTests
{
    [Fact]
    public void Each_letter_under_the_letters_head_is_an_article_signed_by_its_writer()
    {
        var page = new LayoutBuilder(595, 842).Line("LETTERS TO THE EDITOR", 20, 40, 60, bold: true, width: 220);
        (string Text, bool Bold)[] column =
        [
            ("Fix the potholes first", true),
            ("Sir, the roads in our town are a disgrace and", false),
            ("the council must act before winter comes, or", false),
            ("someone will be hurt on the way to school.", false),
            ("Jane Smith,", true),
            ("Leeds", false),
            ("Trains must run on time", true),
            ("Sir, the morning train was late again this", false),
            ("week, for the third week running, and no one", false),
            ("at the station could tell us why it was late.", false),
            ("Sasti Brata Kabiraj,", true),
            ("Kolkata", false),
        ];
        for (var i = 0; i < column.Length; i++)
        {
            page.Line(column[i].Text, 10, 40, 100 + (i * 14), bold: column[i].Bold, width: Math.Min(200, column[i].Text.Length * 5));
        }

        var articles = new SimpleArticleDetector().Detect(page.Build());

        Assert.Equal(["Fix the potholes first", "Trains must run on time"], articles.Select(a => a.Headline));
        Assert.All(articles, a => Assert.Equal("LETTERS TO THE EDITOR", a.Kicker));
        Assert.Equal(["Jane Smith", "Sasti Brata Kabiraj"], articles.Select(a => a.Byline));
        Assert.All(articles, a => Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Jane Smith", StringComparison.Ordinal) || p.Contains("Kabiraj", StringComparison.Ordinal)));
        Assert.StartsWith("Sir, the morning train", articles[1].Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_is_a_notice_and_a_barcode_beside_it_is_nobodys_text()
    {
        var page = new LayoutBuilder(842, 1191)
            .Line("遗失声明", 20, 40, 80)
            .Column("滨江某某贸易有限公司遗失公章一枚声明作废", 40, 110, 6, chars: 16)
            .Line("6901234567892", 10, 40, 220, width: 80)
            .Build();

        var notice = Assert.Single(new SimpleArticleDetector().Detect(page));

        Assert.Equal(ArticleKind.Notice, notice.Kind);
        Assert.DoesNotContain(notice.Paragraphs, p => p.Contains("6901234567892", StringComparison.Ordinal));
    }
}
