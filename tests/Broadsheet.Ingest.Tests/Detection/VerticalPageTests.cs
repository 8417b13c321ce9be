using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class VerticalPageTests
{
    private const double Width = 600;
    private const double Height = 800;

    /// <summary>A vertical line: <paramref name="text"/> down from <paramref name="top"/>, one em per character.</summary>
    private static TextLine Down(string text, double size, double left, double top, bool bold = false) =>
        new(text, new PageBox(left, top, left + size, top + (text.Length * size)), size) { IsBold = bold, IsVertical = true, Baseline = top + ((text.Length - 0.12) * size) };

    [Fact]
    public void A_story_set_top_to_bottom_has_its_title_at_the_right_and_its_columns_read_right_to_left()
    {
        // Headline right of its columns, as 竖排 pages set it; a second story below the rule in the lower band.
        List<TextLine> lines = [Down("交通新规今起施行", 24, 540, 60, bold: true)];
        var columns = new[] { "本报讯自今日起道路交通新规正式施行行人过街须走斑马线", "记者从市交警支队了解到新规明确了非机动车的通行规则", "市民普遍表示支持认为新规让出行更加安全有序值得点赞" };
        lines.AddRange(columns.Select((text, i) => Down(text, 10, 515 - (i * 15), 60)));
        lines.Add(Down("社区义诊进楼栋", 20, 540, 420, bold: true));
        var lower = new[] { "市第一医院医生走进和平社区为居民免费量血压测血糖", "不少老人在家门口就看上了专家号连连称赞这样的服务" };
        lines.AddRange(lower.Select((text, i) => Down(text, 10, 515 - (i * 15), 420)));
        var layout = new PageLayout(Width, Height, lines) { Rules = [Typeset.Across(40, 400, 570)] };

        var articles = new SimpleArticleDetector().Detect(layout);

        Assert.Equal(["交通新规今起施行", "社区义诊进楼栋"], articles.Select(a => a.Headline));
        Assert.Equal(string.Concat(columns), string.Concat(articles[0].Paragraphs));
        Assert.Equal(string.Concat(lower), string.Concat(articles[1].Paragraphs));

        // Regions are on the page as printed: the first story's covers its headline and columns in the upper band.
        var (left, top, right, bottom) = articles[0].Regions.Single().Bounds;
        Assert.InRange(left * Width, 0, 485);
        Assert.InRange(right * Width, 564, 600);
        Assert.InRange(top * Height, 30, 60);
        Assert.InRange(bottom * Height, 252, 401);
        Assert.InRange(articles[1].Regions.Single().Bounds.Top * Height, 400, 420);
        Assert.Equal(new PageBox(540, 60, 564, 252), articles[0].HeadlineBox);
    }

    [Fact]
    public void A_page_mostly_set_across_is_not_turned()
    {
        List<TextLine> lines =
        [
            Typeset.Line("交通新规今起施行", 24, 40, 60, bold: true),
            .. Enumerable.Range(0, 6).Select(i => Typeset.Line("本报讯自今日起道路交通新规正式施行行人过街须走斑马线", 10, 40, 100 + (i * 15))),
            Down("竖排小标题", 12, 560, 100),
        ];

        Assert.False(VerticalPage.IsVertical(new PageLayout(Width, Height, lines)));
        Assert.Equal("交通新规今起施行", Assert.Single(new SimpleArticleDetector().Detect(new PageLayout(Width, Height, lines))).Headline);
    }

    [Fact]
    public void Running_text_with_no_headline_is_one_article_whose_guessed_headline_the_desk_checks_first()
    {
        List<TextLine> lines =
        [
            Typeset.Line("政令第百四十九号", 10, 40, 60),
            .. Enumerable.Range(0, 12).Select(i => Typeset.Line("道路交通法施行令の一部を改正する政令を次のように定める。", 10, 40, 75 + (i * 15))),
        ];

        var article = Assert.Single(new SimpleArticleDetector().Detect(new PageLayout(Width, Height, lines)));

        Assert.Equal("政令第百四十九号", article.Headline);
        Assert.True(article.HeadlineGuessed);
        Assert.True(article.Doubts.HasFlag(ArticleDoubts.HeadlineGuessed));
        Assert.True(article.Confidence < 1);
        Assert.StartsWith("道路交通法施行令", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Running_text_of_single_characters_only_still_gives_its_article()
    {
        List<TextLine> lines = [.. Enumerable.Range(0, 240).Select(i => Typeset.Line("字", 10, 40 + (i % 20 * 12), 60 + (i / 20 * 15)))];

        var article = Assert.Single(new SimpleArticleDetector().Detect(new PageLayout(Width, Height, lines)));

        Assert.Equal("字", article.Headline);
        Assert.True(article.HeadlineGuessed);
    }
}
