using System.Globalization;
using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Text;

namespace Broadsheet.Samples.Layout;

// The masthead of page 1 and the running header of the other pages; neither belongs to an article.
internal sealed class PageChrome(PageCanvas canvas, TextGenerator text, DateOnly date, string publication)
{
    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    private string DateText => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private string Weekday => Weekdays[(int)date.DayOfWeek];

    // Draws the masthead and returns where the articles start.
    public double Masthead(int issueNumber, int pageCount)
    {
        var left = PageGrid.Margin;
        var right = PageGrid.PageWidth - PageGrid.Margin;
        var top = PageGrid.Margin;
        var nameSize = Math.Min(112, (right - left) * 0.52 / publication.Length);
        canvas.Display(publication, FontRole.Heavy, nameSize, Ink.Red, left, right, top, nameSize * 1.1, Align.Left);
        var y = top + (nameSize * 1.1) + 4;
        canvas.Display(
            string.Create(CultureInfo.InvariantCulture, $"国内统一连续出版物号 CN 33-{1000 + (publication.Sum(c => c) % 9000)}　　邮发代号 31-{10 + (publication.Sum(c => c) % 90)}"),
            FontRole.Serif, 9.5, Ink.Black, left, right, y, 16, Align.Left);

        var infoLeft = right - 250;
        var infoTop = top + 6;
        canvas.Ops.Add(new RectOp(new Box(infoLeft, infoTop, right, infoTop + 128), null, Ink.Red, 1));
        var line = infoTop + 10;
        line = canvas.Display(DateText, FontRole.Heavy, 22, Ink.Black, infoLeft, right, line, 32, Align.Center);
        line = canvas.Display($"{Weekday}　今日{pageCount}版", FontRole.Sans, 12.5, Ink.Black, infoLeft, right, line, 22, Align.Center);
        line = canvas.Display(string.Create(CultureInfo.InvariantCulture, $"总第{issueNumber}期"), FontRole.Sans, 12.5, Ink.Black, infoLeft, right, line, 22, Align.Center);
        canvas.Display($"今日天气：{text.Pick(ChineseCorpus.Forecasts)}", FontRole.Serif, 9.5, Ink.Black, infoLeft, right, line + 2, 20, Align.Center);

        var ruleY = top + 150;
        canvas.Ops.Add(new LineOp(left, ruleY, right, ruleY, 3, Ink.Red));
        canvas.Ops.Add(new LineOp(left, ruleY + 4.5, right, ruleY + 4.5, 0.75, Ink.Rule));
        return ruleY + 16;
    }

    // Draws the header of an inner page (label on the outer edge) and returns where the articles start.
    public double Header(string label, string name, bool labelOnLeft)
    {
        var left = PageGrid.Margin;
        var right = PageGrid.PageWidth - PageGrid.Margin;
        var top = PageGrid.Margin;
        var labelText = $"第{label}版";
        var labelWidth = canvas.Setter.Measure(labelText, FontRole.Heavy, 14) + 16;
        var nameWidth = canvas.Setter.Measure(name, FontRole.Heavy, 22) + 24;

        var labelBox = labelOnLeft ? new Box(left, top + 6, left + labelWidth, top + 30) : new Box(right - labelWidth, top + 6, right, top + 30);
        canvas.Ops.Add(new RectOp(labelBox, Ink.Red, null, 0));
        canvas.Display(labelText, FontRole.Heavy, 14, Ink.White, labelBox.Left, labelBox.Right, labelBox.Top, labelBox.Height, Align.Center);
        var nameLeft = labelOnLeft ? labelBox.Right + 8 : labelBox.Left - 8 - nameWidth;
        canvas.Display(name, FontRole.Heavy, 22, Ink.Black, nameLeft, nameLeft + nameWidth, top + 2, 32, Align.Center);

        var editor = $"责任编辑：{text.ChineseName()}　美术编辑：{text.ChineseName()}";
        var infoAlign = labelOnLeft ? Align.Right : Align.Left;
        canvas.Display($"{DateText}　{Weekday}", FontRole.Serif, 10, Ink.Black, left, right, top + 2, 16, infoAlign);
        canvas.Display(publication, FontRole.Heavy, 12, Ink.Red, left, right, top + 18, 18, infoAlign);
        var middleLeft = labelOnLeft ? nameLeft + nameWidth : left + 200;
        var middleRight = labelOnLeft ? right - 200 : nameLeft;
        canvas.Display(editor, FontRole.Serif, 9, Ink.Grey, middleLeft, middleRight, top + 18, 18, Align.Center);

        var ruleY = top + 42;
        canvas.Ops.Add(new LineOp(left, ruleY, right, ruleY, 1.6, Ink.Rule));
        canvas.Ops.Add(new LineOp(left, ruleY + 3, right, ruleY + 3, 0.5, Ink.Rule));
        return ruleY + 14;
    }
}
