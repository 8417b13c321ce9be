using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class ConfidenceTests
{
    private static readonly Dictionary<DetectedArticle, int> NoneLoose = [];

    /// <summary>An article in its own region, its paragraphs as given, printed as lines of 18 characters.</summary>
    private static DetectedArticle Article(string headline, IReadOnlyList<string> paragraphs, (double L, double T, double R, double B) region, ArticleKind kind = ArticleKind.Story)
    {
        var text = string.Concat(paragraphs);
        var lines = Enumerable.Range(0, (text.Length + 17) / 18)
            .Select(i => new ArticleLine(ArticleLineRole.Body, text.Substring(i * 18, Math.Min(18, text.Length - (i * 18))), Polygon.Rectangle(region.L, region.T, region.R, region.T + 0.01)))
            .ToList();
        return new DetectedArticle
        {
            Headline = headline,
            Kind = kind,
            Paragraphs = paragraphs,
            Regions = [Polygon.Rectangle(region.L, region.T, region.R, region.B)],
            Lines = lines,
        };
    }

    private static string[] Text(int chars) => chars == 0 ? [] : [new string('字', chars)];

    private static DetectedArticle Named(IReadOnlyList<DetectedArticle> articles, string headline) => articles.Single(a => a.Headline == headline);

    [Fact]
    public void Each_article_is_doubted_for_what_is_wrong_with_it_and_only_that()
    {
        IReadOnlyList<DetectedArticle> page =
        [
            Article("a", Text(500), (0.0, 0.0, 0.3, 0.2)),
            Article("b", Text(500), (0.35, 0.0, 0.65, 0.2)),
            Article("c", Text(600), (0.7, 0.0, 1.0, 0.2)),
            Article("long", Text(3000), (0.0, 0.25, 0.6, 0.6)),
            Article("empty", Text(0), (0.7, 0.25, 1.0, 0.3)),
            Article("short", Text(20), (0.7, 0.35, 1.0, 0.4)),
            Article("advert", Text(0), (0.0, 0.7, 1.0, 1.0), ArticleKind.Advertisement),
        ];

        var assessed = Confidence.Assess(page, NoneLoose);

        Assert.Equal(ArticleDoubts.VeryLong, Named(assessed, "long").Doubts);
        Assert.Equal(0.6, Named(assessed, "long").Confidence, 6);
        Assert.Equal(ArticleDoubts.NoText, Named(assessed, "empty").Doubts);
        Assert.Equal(0.4, Named(assessed, "empty").Confidence, 6);
        Assert.Equal(ArticleDoubts.Short, Named(assessed, "short").Doubts);
        Assert.Equal(0.7, Named(assessed, "short").Confidence, 6);
        Assert.All(new[] { "a", "b", "c", "advert" }, h => Assert.Equal((ArticleDoubts.None, 1.0), (Named(assessed, h).Doubts, Named(assessed, h).Confidence)));
    }

    [Fact]
    public void A_story_read_as_one_line_paragraphs_is_fragmented()
    {
        var fragmented = Article("fragmented", [.. Enumerable.Repeat(new string('字', 18), 8)], (0.0, 0.0, 0.3, 0.5));
        var whole = Article("whole", [.. Enumerable.Repeat(new string('字', 100), 8)], (0.5, 0.0, 0.8, 0.5));

        var assessed = Confidence.Assess([fragmented, whole], NoneLoose);

        Assert.Equal(ArticleDoubts.Fragmented, Named(assessed, "fragmented").Doubts);
        Assert.Equal(ArticleDoubts.None, Named(assessed, "whole").Doubts);
    }

    [Fact]
    public void Articles_whose_regions_lie_over_each_other_are_both_doubted()
    {
        var one = Article("one", Text(300), (0.1, 0.1, 0.5, 0.5));
        var two = Article("two", Text(300), (0.3, 0.3, 0.7, 0.7));
        var apart = Article("apart", Text(300), (0.8, 0.8, 1.0, 1.0));

        var assessed = Confidence.Assess([one, two, apart], NoneLoose);

        Assert.Equal(ArticleDoubts.Overlaps, Named(assessed, "one").Doubts);
        Assert.Equal(ArticleDoubts.Overlaps, Named(assessed, "two").Doubts);
        Assert.Equal(ArticleDoubts.None, Named(assessed, "apart").Doubts);
    }

    [Fact]
    public void Text_given_to_a_story_by_position_alone_is_doubted_when_it_is_a_good_part_of_it()
    {
        var loose = Article("loose", Text(180), (0.0, 0.0, 0.4, 0.5));
        var tight = Article("tight", Text(180), (0.5, 0.0, 0.9, 0.5));

        var assessed = Confidence.Assess([loose, tight], new Dictionary<DetectedArticle, int> { [loose] = 4, [tight] = 2 });

        Assert.Equal(ArticleDoubts.LooseBody, Named(assessed, "loose").Doubts);
        Assert.Equal(ArticleDoubts.None, Named(assessed, "tight").Doubts);
    }

    [Fact]
    public void Photo_news_is_doubted_for_a_guessed_headline_not_for_having_no_paragraphs()
    {
        var photo = Article("市民在公园晨练", [], (0.1, 0.1, 0.4, 0.4), ArticleKind.PhotoNews) with { HeadlineGuessed = true };

        var assessed = Assert.Single(Confidence.Assess([photo], NoneLoose));

        Assert.Equal(ArticleDoubts.HeadlineGuessed, assessed.Doubts);
        Assert.Equal(0.6, assessed.Confidence, 6);
    }

    [Fact]
    public void Doubts_multiply()
    {
        Assert.Equal(1.0, Confidence.Of(ArticleDoubts.None));
        Assert.Equal(0.4 * 0.7, Confidence.Of(ArticleDoubts.NoText | ArticleDoubts.Overlaps), 6);
    }

    [Fact]
    public void Body_text_no_article_holds_is_counted_as_unclaimed()
    {
        var layout = new PageLayout(842, 1191,
        [
            Line("社区新风扑面来", 24, 40, 70),
            Line("甲乙丙丁戊己庚辛壬癸", 10, 40, 100),
            Line("子丑寅卯辰巳午未申酉戌亥", 10, 400, 500),
        ]);
        var holding = new DetectedArticle
        {
            Headline = "社区新风扑面来",
            Regions = [Polygon.Rectangle(40 / 842.0, 70 / 1191.0, 200 / 842.0, 115 / 1191.0)],
            Lines = [new ArticleLine(ArticleLineRole.Body, "甲乙丙丁戊己庚辛壬癸", Polygon.Rectangle(40 / 842.0, 100 / 1191.0, 140 / 842.0, 110 / 1191.0))],
        };
        var covering = holding with { Regions = [.. holding.Regions, Polygon.Rectangle(390 / 842.0, 490 / 1191.0, 600 / 842.0, 520 / 1191.0)] };

        Assert.Equal(12, Confidence.Unclaimed(layout, [holding]));
        Assert.Equal(0, Confidence.Unclaimed(layout, [covering]));
        Assert.Equal(22, Confidence.Unclaimed(layout, []));
    }
}
