using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

/// <summary>
/// A hand-built page in four columns (left edges 40, 234, 428, 622; 180 pt wide; body 10 pt): a lead story
/// with kicker, headline and subheadline over three columns whose third column runs on down (an L), a second
/// story under it in the first two columns, and a short item with a photo in the fourth column.
/// </summary>
public sealed class SimpleArticleDetectorTests
{
    private static readonly double[] Lefts = [40, 234, 428, 622];

    private static PageLayout Page()
    {
        var page = new LayoutBuilder(842, 1191)
            .Line("滨江日报 2026年11月2日 星期一", 9, 40, 30)
            .Line("第06版：平安贵阳", 9, 600, 30)
            .Rule(40, 60, 802, 61)

            // Lead story: title block, then three columns; the third runs on to 725.
            .Line("坚持人民至上——", 14, 180, 80)
            .Line("平安贵阳建设取得新成效全市群众安全感提升", 24, 40, 100)
            .Line("——全市治安形势持续向好", 14, 180, 134)
            .Line("本报讯（记者 张三 通讯员 李四）近", 10, 40, 165)
            .Column("全市公安机关扎实推进平安建设工作", Lefts[0], 179, 19, chars: 18, indentFirst: false)
            .Column("各项工作取得明显成效群众满意度高", Lefts[1], 165, 20, chars: 18, indentFirst: false)
            .Column("社会治安形势持续稳定向好发展态势", Lefts[2], 165, 40, chars: 18, indentFirst: false)

            // Second story under the lead, in columns one and two.
            .Line("社区警务室延伸服务触角", 24, 40, 470)
            .Column("社区民警深入走访辖区群众倾听意见", Lefts[0], 505, 15, chars: 18)
            .Column("建立联系机制及时化解矛盾纠纷问题", Lefts[1], 505, 15, chars: 18, indentFirst: false)

            // A short item in the fourth column with a photo and its caption.
            .Line("夜巡守护万家灯火", 20, 622, 82)
            .Line("■通讯员 王五", 10, 622, 115)
            .Column("夜间巡逻防控力度持续加大确保平安", Lefts[3], 131, 25, chars: 18)
            .Image(622, 500, 802, 640)
            .Line("11月1日，民警在街头巡逻。 赵六/摄", 9, 622, 646);
        return page.Build();
    }

    [Fact]
    public void Finds_each_story_with_its_fields_in_reading_order()
    {
        var articles = new SimpleArticleDetector().Detect(Page());

        Assert.Equal(["平安贵阳建设取得新成效全市群众安全感提升", "夜巡守护万家灯火", "社区警务室延伸服务触角"], articles.Select(a => a.Headline));
        var lead = articles[0];
        Assert.Equal("坚持人民至上——", lead.Kicker);
        Assert.Equal("——全市治安形势持续向好", lead.Subheadline);
        Assert.Equal("记者 张三 通讯员 李四", lead.Byline);
        Assert.Equal("本报讯", lead.Dateline);
        Assert.StartsWith("近全市公安机关", lead.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("通讯员 王五", articles[1].Byline);
        Assert.Null(articles[2].Kicker);
        Assert.Null(articles[2].Byline);
    }

    [Fact]
    public void The_page_header_is_not_an_article_or_part_of_one()
    {
        var articles = new SimpleArticleDetector().Detect(Page());

        Assert.DoesNotContain(articles, a => a.Headline.Contains("滨江日报", StringComparison.Ordinal));
        Assert.All(articles, a => Assert.DoesNotContain(a.Paragraphs, p => p.Contains("星期一", StringComparison.Ordinal)));
        Assert.All(articles, a => Assert.True(a.Regions.Min(r => r.Bounds.Top) > 61.0 / 1191));
    }

    [Fact]
    public void The_lead_story_set_in_an_l_gets_an_l_shaped_region()
    {
        var lead = new SimpleArticleDetector().Detect(Page())[0];

        var region = Assert.Single(lead.Regions);
        Assert.Equal(6, region.Points.Count);
        Assert.True(region.Contains(300 / 842.0, 120 / 1191.0), "covers the headline");
        Assert.True(region.Contains(100 / 842.0, 300 / 1191.0), "covers the first column");
        Assert.True(region.Contains(500 / 842.0, 700 / 1191.0), "covers the third column where it runs on");
        Assert.False(region.Contains(100 / 842.0, 600 / 1191.0), "leaves out the story below it");
        Assert.False(region.Contains(700 / 842.0, 300 / 1191.0), "leaves out the fourth column");
    }

    [Fact]
    public void Paragraphs_start_at_indents_and_run_across_columns()
    {
        var second = new SimpleArticleDetector().Detect(Page())[2];

        // Column one starts indented; column two carries straight on, so it is the same paragraph.
        var paragraph = Assert.Single(second.Paragraphs);
        Assert.StartsWith("社区民警深入走访", paragraph, StringComparison.Ordinal);
        Assert.Contains("建立联系机制", paragraph, StringComparison.Ordinal);
        Assert.Equal((15 * 18) + (15 * 18) - 2, paragraph.Length);
    }

    [Fact]
    public void A_photo_goes_with_the_story_above_it_with_caption_and_credit()
    {
        var item = new SimpleArticleDetector().Detect(Page())[1];

        var image = Assert.Single(item.Images);
        Assert.Equal("11月1日，民警在街头巡逻。", image.Caption);
        Assert.Equal("赵六", image.Credit);
        Assert.DoesNotContain(item.Paragraphs, p => p.Contains("巡逻。", StringComparison.Ordinal) && p.Contains("摄", StringComparison.Ordinal));
        Assert.True(item.Regions[0].Contains(700 / 842.0, 570 / 1191.0), "the region covers the photo");
    }

    [Fact]
    public void A_page_without_text_has_no_articles()
    {
        Assert.Empty(new SimpleArticleDetector().Detect(new LayoutBuilder().Build()));
    }

    [Fact]
    public void Articles_are_stories_unless_they_are_captioned_photos_without_a_headline()
    {
        var layout = new LayoutBuilder(842, 1191)
            .Column("正文文字", 40, 100, 30, chars: 18)
            .Image(400, 100, 700, 300)
            .Line("市民在公园晨练。本报记者 张三 摄", 9, 400, 305)
            .Build();

        var articles = new SimpleArticleDetector().Detect(layout);

        var article = Assert.Single(articles, a => a.Images.Count > 0);
        Assert.Equal(ArticleKind.PhotoNews, article.Kind);
        Assert.Equal("市民在公园晨练", article.Headline);
        // The column under no headline is a story of its own, its headline (its first line) marked as a guess.
        var column = Assert.Single(articles, a => a.Images.Count == 0);
        Assert.Equal(ArticleKind.Story, column.Kind);
        Assert.True(column.HeadlineGuessed);
    }
}
