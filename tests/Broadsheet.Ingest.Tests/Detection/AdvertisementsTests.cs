using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class AdvertisementsTests
{
    /// <summary>A ruled frame from (50, 95) to (400, 300).</summary>
    private static readonly PageRule[] Frame = [Across(50, 95, 400), Across(50, 300, 400), Down(50, 95, 300), Down(400, 95, 300)];

    [Theory]
    [InlineData("广告", true)]
    [InlineData("（广告）", true)]
    [InlineData("【广告】", true)]
    [InlineData("广 告", true)]
    [InlineData("广\u3000告", true)]
    [InlineData("廣告", true)]
    [InlineData("Advertisement", true)]
    [InlineData("ANZEIGE", true)]
    [InlineData("Pubblicità", true)]
    [InlineData("Publicité", true)]
    [InlineData("(Sponsored)", true)]
    [InlineData("广告费", false)]
    [InlineData("本版广告", false)]
    [InlineData("Advertisements", false)]
    [InlineData("公益广告：文明出行", false)]
    public void The_advertisement_tag_is_told_by_its_word_alone(string text, bool tag)
    {
        Assert.Equal(tag, Advertisements.IsTag(Line(text, 9, 60, 99)));
    }

    [Fact]
    public void A_tag_inside_the_top_of_a_ruled_frame_finds_the_frame()
    {
        Assert.Equal(new PageBox(50, 95, 400, 300), Advertisements.FrameOf(Line("广告", 9, 60, 99), Frame));
    }

    [Fact]
    public void A_tag_in_the_frames_bottom_corner_finds_the_frame()
    {
        Assert.Equal(new PageBox(50, 95, 400, 300), Advertisements.FrameOf(Line("（广告）", 9, 330, 286), Frame));
    }

    [Fact]
    public void The_small_box_drawn_round_the_tag_is_not_the_frame()
    {
        PageRule[] tagBox = [Across(57, 97, 81), Across(57, 110, 81), Down(57, 97, 110), Down(81, 97, 110)];

        Assert.Equal(new PageBox(50, 95, 400, 300), Advertisements.FrameOf(Line("广告", 9, 60, 99), [.. tagBox, .. Frame]));
        Assert.Null(Advertisements.FrameOf(Line("广告", 9, 60, 99), tagBox));
    }

    [Fact]
    public void Rules_above_and_below_without_sides_are_no_frame()
    {
        Assert.Null(Advertisements.FrameOf(Line("广告", 9, 60, 99), [Across(50, 95, 400), Across(50, 300, 400)]));
    }

    [Fact]
    public void A_framed_advertisement_is_one_advertisement_and_none_of_the_story_beside_it()
    {
        var page = new LayoutBuilder(842, 1191)
            .Line("社区新风扑面来", 20, 40, 80)
            .Column("社区居民自发组织志愿服务活动", 40, 110, 12, chars: 14)
            .Rule(400, 79.5, 800, 80.5)
            .Rule(400, 299.5, 800, 300.5)
            .Rule(399.5, 80, 400.5, 300)
            .Rule(799.5, 80, 800.5, 300)
            .Line("广告", 9, 410, 84)
            .Line("金秋特惠 全场五折", 28, 450, 150)
            .Line("地址：滨江路88号 电话：0851-88888888", 10, 450, 220)
            .Build();

        var articles = new SimpleArticleDetector().Detect(page);

        var advert = Assert.Single(articles, a => a.Kind == ArticleKind.Advertisement);
        Assert.Equal("金秋特惠 全场五折", advert.Headline);
        Assert.Equal(["地址：滨江路88号 电话：0851-88888888"], advert.Paragraphs);
        var story = Assert.Single(articles, a => a.Kind != ArticleKind.Advertisement);
        Assert.Equal("社区新风扑面来", story.Headline);
        Assert.DoesNotContain(story.Paragraphs, p => p.Contains("金秋", StringComparison.Ordinal) || p.Contains("广告", StringComparison.Ordinal));
    }

    [Fact]
    public void An_advertisements_wrapped_small_print_is_one_paragraph_and_its_short_lines_their_own()
    {
        var frame = new PageBox(50, 95, 400, 300);
        var lines = new[]
        {
            Line("金秋特惠 全场五折", 28, 80, 110),
            Line("活动期间凡在本店购买任意商品满三百元即可参加抽奖活动奖品丰富", 10, 60, 160, width: 330),
            Line("数量有限先到先得详情请咨询店内工作人员本活动最终解释权归本店", 10, 60, 172, width: 330),
            Line("所有。", 10, 60, 184, width: 30),
            Line("地址：滨江路88号", 10, 60, 220, width: 90),
            Line("电话：0851-88888888", 10, 60, 232, width: 100),
        };

        var advert = Advertisements.Build(frame, lines, [], new PageLayout(842, 1191, lines));

        Assert.Equal(
            ["活动期间凡在本店购买任意商品满三百元即可参加抽奖活动奖品丰富数量有限先到先得详情请咨询店内工作人员本活动最终解释权归本店所有。", "地址：滨江路88号", "电话：0851-88888888"],
            advert.Paragraphs);
    }
}
