using Broadsheet.Ingest.Detection;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class BylinesTests
{
    [Theory]
    [InlineData("本报讯（记者 张三 通讯员 李四）近日，我市召开会议。", "本报讯", "记者 张三 通讯员 李四", "近日，我市召开会议。")]
    [InlineData("本报讯（记者  张三）近日，我市召开会议。", "本报讯", "记者 张三", "近日，我市召开会议。")]
    [InlineData("本报讯(通讯员 王五)会议指出。", "本报讯", "通讯员 王五", "会议指出。")]
    [InlineData("新华社北京11月2日电（记者 赵六）国务院日前印发通知。", "新华社北京11月2日电", "记者 赵六", "国务院日前印发通知。")]
    [InlineData("本报滨江11月1日讯（记者 钱七）会议指出。", "本报滨江11月1日讯", "记者 钱七", "会议指出。")]
    [InlineData("本报讯 近日，我市召开会议。", "本报讯", null, "近日，我市召开会议。")]
    [InlineData("本报讯\u3000近日，我市召开会议。", "本报讯", null, "近日，我市召开会议。")]
    [InlineData("GENEVA — Talks resumed on Monday.", "GENEVA", null, "Talks resumed on Monday.")]
    [InlineData("NEW YORK — Markets rose.", "NEW YORK", null, "Markets rose.")]
    [InlineData("■通讯员 王五", null, "通讯员 王五", null)]
    [InlineData("□本报评论员", null, "本报评论员", null)]
    [InlineData("● 本报记者 张三 文/图", null, "本报记者 张三 文/图", null)]
    [InlineData("本报记者 张三 通讯员 李四", null, "本报记者 张三 通讯员 李四", null)]
    [InlineData("By Jane Smith", null, "By Jane Smith", null)]
    [InlineData("本报记者 张三 报道", null, "本报记者 张三", null)]
    [InlineData("本报讯（通讯员 万艳锋汪刚军）近日，我市召开会议。", "本报讯", "通讯员 万艳锋 汪刚军", "近日，我市召开会议。")]
    [InlineData("本报讯（记者 李明王芳）会议指出。", "本报讯", "记者 李明 王芳", "会议指出。")]
    [InlineData("本报讯（记者 欧阳明月）会议指出。", "本报讯", "记者 欧阳明月", "会议指出。")]
    [InlineData("记者 张三 李四 报道", null, "记者 张三 李四", null)]
    [InlineData("近日，记者从市公安局获悉，全市治安形势平稳。", null, null, "近日，记者从市公安局获悉，全市治安形势平稳。")]
    [InlineData("供电公司 近日完成检修。", null, null, "供电公司 近日完成检修。")]
    [InlineData("Bystanders said the fire started at noon.", null, null, "Bystanders said the fire started at noon.")]
    [InlineData("■近日，我市召开了一次规模很大的平安建设推进会议，会议总结了前三季度的工作并部署下一阶段任务。", null, null, "■近日，我市召开了一次规模很大的平安建设推进会议，会议总结了前三季度的工作并部署下一阶段任务。")]
    public void The_dateline_and_byline_are_lifted_from_the_first_paragraph(string first, string? dateline, string? byline, string? remaining)
    {
        var lifted = Bylines.Lift([first, "第二段。"]);

        Assert.Equal(dateline, lifted.Dateline);
        Assert.Equal(byline, lifted.Byline);
        Assert.Equal(remaining is null ? ["第二段。"] : [remaining, "第二段。"], lifted.Paragraphs);
    }

    [Fact]
    public void A_byline_line_of_its_own_then_a_dateline_lifts_both()
    {
        var lifted = Bylines.Lift(["■本报记者 张三", "本报讯 近日，我市召开会议。"]);

        Assert.Equal(("本报讯", "本报记者 张三"), (lifted.Dateline, lifted.Byline));
        Assert.Equal(["近日，我市召开会议。"], lifted.Paragraphs);
    }

    [Fact]
    public void No_paragraphs_no_byline()
    {
        var lifted = Bylines.Lift([]);

        Assert.Null(lifted.Byline);
        Assert.Empty(lifted.Paragraphs);
    }
}
