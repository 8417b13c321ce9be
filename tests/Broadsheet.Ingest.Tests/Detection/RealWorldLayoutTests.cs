using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

/// <summary>Layouts real papers use that the simple detector must read as printed, one hand-built page each.</summary>
public sealed class RealWorldLayoutTests
{
    [Fact]
    public void A_paragraph_runs_on_around_a_photo_set_into_its_column()
    {
        var page = new LayoutBuilder(842, 1191)
            .Line("社区新风扑面来", 20, 40, 80)
            .Column("社区居民自发组织志愿服务活动", 40, 110, 10, chars: 12)
            .Image(40, 260, 160, 340)
            .Line("图为活动现场。 张三/摄", 9, 40, 344)
            .Column("邻里之间互帮互助蔚然成风气象", 40, 370, 10, chars: 12, indentFirst: false)
            .Build();

        var article = Assert.Single(new SimpleArticleDetector().Detect(page));

        Assert.Equal("社区新风扑面来", article.Headline);
        var paragraph = Assert.Single(article.Paragraphs);
        Assert.StartsWith("社区居民", paragraph, StringComparison.Ordinal);
        Assert.EndsWith("蔚然成风", paragraph, StringComparison.Ordinal);
        Assert.Equal((12 - 2) + (9 * 12) + (10 * 12), paragraph.Length);
        var photo = Assert.Single(article.Images);
        Assert.Equal(("图为活动现场。", "张三"), (photo.Caption, photo.Credit));
    }

    [Fact]
    public void A_column_next_to_a_briefs_column_stays_with_the_story_whose_baseline_grid_it_shares()
    {
        // A left-aligned headline over only the first two of the story's four columns; the briefs column to the
        // right is set on its own grid, 3.5 pt higher, and no rule stands between them.
        var page = new LayoutBuilder(842, 1191)
            .Line("江畔湿地迎来越冬候鸟", 22, 40, 80)
            .Column("甲", 40, 115, 20, chars: 15)
            .Column("乙", 200, 115, 20, chars: 15, indentFirst: false)
            .Column("丙", 360, 115, 20, chars: 15, indentFirst: false)
            .Column("丁", 520, 115, 20, chars: 15, indentFirst: false)
            .Line("简讯", 16, 739, 82)
            .Rule(680, 102, 830, 103)
            .Column("戊", 680, 111.5, 20, chars: 15)
            .Build();

        var articles = new SimpleArticleDetector().Detect(page);

        var story = Assert.Single(articles, a => a.Headline == "江畔湿地迎来越冬候鸟");
        var briefs = Assert.Single(articles, a => a.Headline == "简讯");
        var storyText = string.Concat(story.Paragraphs);
        Assert.Contains("丁", storyText, StringComparison.Ordinal);
        Assert.DoesNotContain("戊", storyText, StringComparison.Ordinal);
        Assert.DoesNotContain("丁", string.Concat(briefs.Paragraphs), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_under_a_storys_photo_runs_on_from_it_even_beside_the_story_set_into_its_notch()
    {
        // An L: the lead's headline over three columns, its third column a photo then text down to the foot; a
        // second story set into the notch under the first two columns, its text level with and on the same grid
        // as the text under the photo.
        var page = new LayoutBuilder(842, 1191)
            .Line("全市平安建设取得新成效群众安全感持续提升", 24, 40, 80)
            .Column("甲", 40, 115, 10, chars: 18)
            .Column("乙", 234, 115, 10, chars: 18, indentFirst: false)
            .Image(428, 115, 608, 270)
            .Line("图为民警巡逻现场。 张三/摄", 9, 428, 274)
            .Column("丙", 428, 300, 25, chars: 18, indentFirst: false)
            .Rule(40, 262, 414, 263)
            .Line("社区警务室延伸服务触角", 20, 40, 270)
            .Column("丁", 40, 300, 20, chars: 18)
            .Column("戊", 234, 300, 20, chars: 18, indentFirst: false)
            .Build();

        var articles = new SimpleArticleDetector().Detect(page);

        var lead = string.Concat(Assert.Single(articles, a => a.Headline.StartsWith("全市", StringComparison.Ordinal)).Paragraphs);
        var notch = string.Concat(Assert.Single(articles, a => a.Headline == "社区警务室延伸服务触角").Paragraphs);
        Assert.Contains("丙", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("丙", notch, StringComparison.Ordinal);
        Assert.Contains("戊", notch, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_english_line_whose_next_word_would_not_fit_does_not_end_its_paragraph()
    {
        var page = new LayoutBuilder(842, 1191)
            .Line("Council approves budget", 24, 40, 80, width: 300)
            .Line("The council voted on Monday to", 10, 52, 115, width: 188)
            .Line("approve the budget after a long and", 10, 40, 129, width: 200)
            .Line("heated debate about", 10, 40, 143, width: 150)
            .Line("infrastructure spending in the city", 10, 40, 157, width: 200)
            .Line("and its schools.", 10, 40, 171, width: 120)
            .Line("Officials said the plan would be", 10, 52, 185, width: 188)
            .Line("published in full next week.", 10, 40, 199, width: 170)
            .Build();

        var article = Assert.Single(new SimpleArticleDetector().Detect(page));

        Assert.Equal(
            [
                "The council voted on Monday to approve the budget after a long and heated debate about infrastructure spending in the city and its schools.",
                "Officials said the plan would be published in full next week.",
            ],
            article.Paragraphs);
    }

    [Fact]
    public void A_page_whose_text_is_unreadable_gives_no_articles()
    {
        var page = new LayoutBuilder(842, 1191)
            .Line("平安建设取得新成效", 24, 40, 80)
            .Column("全市公安机关扎实推进平安建设", 40, 115, 20, chars: 15)
            .Build() with { IsUnreadable = true };

        Assert.Empty(new SimpleArticleDetector().Detect(page));
    }

    [Fact]
    public void An_article_keeps_its_printed_lines_with_boxes_in_reading_order()
    {
        var page = new LayoutBuilder(842, 1191)
            .Line("社区新风扑面来", 20, 40, 80)
            .Column("社区居民自发组织志愿服务活动", 40, 110, 10, chars: 12)
            .Image(40, 260, 160, 340)
            .Line("图为活动现场。 张三/摄", 9, 40, 344)
            .Column("邻里之间互帮互助蔚然成风气象", 40, 370, 10, chars: 12, indentFirst: false)
            .Build();

        var article = Assert.Single(new SimpleArticleDetector().Detect(page));

        Assert.Equal(
            [ArticleLineRole.Headline, .. Enumerable.Repeat(ArticleLineRole.Body, 20), ArticleLineRole.Caption],
            article.Lines.Select(l => l.Role));
        var body = article.Lines.Where(l => l.Role == ArticleLineRole.Body).Aggregate("", (text, line) => Script.Join(text, line.Text));
        Assert.Equal(string.Concat(article.Paragraphs), body);
        var headline = article.Lines[0].Box.Bounds;
        Assert.Equal((40 / 842.0, 80 / 1191.0, 180 / 842.0, 100 / 1191.0), headline, new BoundsComparer());
        var region = Assert.Single(article.Regions);
        Assert.All(article.Lines, l =>
        {
            var (left, top, right, bottom) = l.Box.Bounds;
            Assert.True(region.Contains((left + right) / 2, (top + bottom) / 2), $"'{l.Text}' lies outside the article's region");
        });
    }

    private sealed class BoundsComparer : IEqualityComparer<(double, double, double, double)>
    {
        public bool Equals((double, double, double, double) x, (double, double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-6 && Math.Abs(x.Item2 - y.Item2) < 1e-6 && Math.Abs(x.Item3 - y.Item3) < 1e-6 && Math.Abs(x.Item4 - y.Item4) < 1e-6;

        public int GetHashCode((double, double, double, double) obj) => 0;
    }
}
