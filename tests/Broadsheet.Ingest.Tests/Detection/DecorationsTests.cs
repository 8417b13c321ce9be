using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class DecorationsTests
{
    /// <summary>
    /// A headline over a byline and two 180 pt columns of 10 pt text (x 40 and 234), the first ending at y 401, the
    /// second two lines shorter, so nothing but its width tells a rule right under the first column's last line.
    /// </summary>
    private static PageLayout Page() => new LayoutBuilder(842, 1191)
        .Line("平安建设取得新成效", 24, 40, 80)
        .Line("本报记者 张三", 10, 40, 110)
        .Column("全市公安机关扎实推进平安建设工作", 40, 125, 20, chars: 18)
        .Column("各项工作取得明显成效群众满意度高", 234, 125, 18, chars: 18, indentFirst: false)
        .Build();

    [Fact]
    public void A_rule_under_a_byline_dresses_it_but_a_rule_across_the_columns_separates()
    {
        var underline = new PageRule(new PageBox(40, 121, 220, 122));
        var across = new PageRule(new PageBox(40, 402.5, 802, 403.5));

        var separators = Decorations.Separators([underline, across], Page().Lines);

        Assert.Equal([across], separators);
    }

    [Fact]
    public void A_bar_behind_a_headline_is_not_a_picture()
    {
        var lines = Page().Lines;
        var bar = new PageImage(new PageBox(36, 78, 300, 106));
        var photo = new PageImage(new PageBox(430, 130, 800, 300));

        Assert.Equal([photo], Decorations.Pictures([bar, photo], lines, FontSizes.Of(lines)));
    }
}
