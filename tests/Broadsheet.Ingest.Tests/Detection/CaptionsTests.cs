using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class CaptionsTests
{
    private static readonly PageImage Photo = new(new PageBox(100, 100, 300, 200));

    [Theory]
    [InlineData("Firefighters at the scene on Monday. Photo: Ma Wei", "Firefighters at the scene on Monday.", "Ma Wei")]
    [InlineData("Crowds gather in the square (Photo by Jane Doe)", "Crowds gather in the square", "Jane Doe")]
    [InlineData("Pictures: Reuters", null, "Reuters")]
    [InlineData("Firefighters at the scene on Monday.", "Firefighters at the scene on Monday.", null)]
    public void An_english_credit_is_split_from_its_caption(string text, string? caption, string? credit)
    {
        Assert.Equal((caption, credit), Captions.Split(text));
    }

    [Fact]
    public void A_caption_opening_with_a_title_of_its_own_is_photo_news()
    {
        Assert.True(Captions.HasOwnTitle([Line("辅警开展专项训练。8月6日，市公安局组织全市辅警", 9, 100, 204), Line("开展专项训练，提升实战能力。 张三/摄", 9, 100, 215)]));
        Assert.False(Captions.HasOwnTitle([Line("市民在公园晨练。 赵六/摄", 9, 100, 204)]));
        Assert.False(Captions.HasOwnTitle([Line("11月1日，市民在公园晨练，社区组织了健身活动。 赵六/摄", 9, 100, 204)]));
    }

    [Fact]
    public void The_caption_is_the_text_right_under_the_photo_and_stops_where_the_story_resumes()
    {
        var first = Line("图为活动现场，居民踊跃参加。", 9, 100, 204);
        var second = Line("张三/摄", 9, 100, 215);
        var body = Line("社区居民自发组织志愿服务活动", 10, 100, 240);

        Assert.Equal([first, second], Captions.Below(Photo, [first, second, body], [], new FontSizes(10)));
    }

    [Fact]
    public void A_photo_news_title_between_the_photo_and_its_caption_is_stepped_over()
    {
        var title = new TitleBlock([], [Line("辅警开展专项训练", 16, 100, 204)], []);
        var caption = Line("8月6日，市公安局组织全市辅警开展专项训练。", 9, 100, 224);

        Assert.Equal([caption], Captions.Below(Photo, [caption], [title], new FontSizes(10)));
    }
    [Fact]
    public void A_writers_name_as_wide_as_a_narrow_portrait_keeps_the_lines_on_who_they_are()
    {
        var portrait = new PageImage(new PageBox(470, 800, 542, 865));
        var name = Line("Shahadat Shadhin", 8.5, 471, 872, bold: true, width: 72.5);
        var first = Line("Deputy Press", 8, 471, 888, width: 43);
        var second = Line("Secretary to the", 8, 471, 897.5, width: 52);

        Assert.Equal([name, first, second], Captions.Below(portrait, [name, first, second], [], new FontSizes(9)));
    }

    [Fact]
    public void Larger_type_right_under_an_author_box_is_not_its_caption()
    {
        var portrait = new PageImage(new PageBox(470, 160, 542, 218));
        var name = Line("Jean Drèze", 8.5, 471, 223, bold: true, width: 43);
        var bio = Line("Independent scholar", 8, 471, 239, width: 68);
        var standfirst = Line("VB-G RAM G", 10, 471, 250, width: 60);

        Assert.Equal([name, bio], Captions.Below(portrait, [name, bio, standfirst], [], new FontSizes(9)));
    }
}
