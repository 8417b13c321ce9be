using Broadsheet.Ingest.Detection;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class SmallRulesTests
{
    [Theory]
    [InlineData("全文完。（下转第3版）", "3", null, "全文完。")]
    [InlineData("（转第A03版）", "A03", null, "")]
    [InlineData("（上接第1版）本报讯", null, "1", "本报讯")]
    [InlineData("(上接第01版)", null, "01", "")]
    [InlineData("他在第3版的文章", null, null, "他在第3版的文章")]
    public void Jump_lines_are_found_and_removed(string text, string? to, string? from, string stripped)
    {
        Assert.Equal(to, Continuations.To(text));
        Assert.Equal(from, Continuations.From(text));
        Assert.Equal(stripped, Continuations.Strip(text));
    }

    [Theory]
    [InlineData("11月1日，市民在公园晨练。 赵六/摄", "11月1日，市民在公园晨练。", "赵六")]
    [InlineData("11月1日，市民在公园晨练。本报记者 张三 摄", "11月1日，市民在公园晨练。", "本报记者 张三")]
    [InlineData("市民在公园晨练。（张三/摄）", "市民在公园晨练。", "张三")]
    [InlineData("市民在公园晨练。", "市民在公园晨练。", null)]
    public void Captions_and_credits_are_split(string text, string? caption, string? credit)
    {
        Assert.Equal((caption, credit), Captions.Split(text));
    }

    [Theory]
    [InlineData("2026年11月2日 星期一", true)]
    [InlineData("第06版：平安贵阳", true)]
    [InlineData("责任编辑：王五", true)]
    [InlineData("06", true)]
    [InlineData("平安贵阳建设取得新成效", false)]
    public void Page_furniture_is_recognised_by_what_it_says(string text, bool furniture)
    {
        Assert.Equal(furniture, PageFurniture.LooksLikeFurniture(text));
    }
}
