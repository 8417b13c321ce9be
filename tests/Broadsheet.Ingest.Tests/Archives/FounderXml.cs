using System.Globalization;
using System.Text;

namespace Broadsheet.Ingest.Tests.Archives;

/// <summary>An article of a hand-written Founder export: its fields and its outline in per cent of the page.</summary>
internal sealed record FounderItem(string Title, string Content, params (double X, double Y)[] Outline)
{
    public string Kicker { get; init; } = "";

    public string Subtitle { get; init; } = "";

    public string Author { get; init; } = "";

    public string Genre { get; init; } = "";

    public bool Published { get; init; } = true;

    /// <summary>A rectangle in per cent, drawn as Founder draws them: corners, counter-clockwise from the top right.</summary>
    public static (double, double)[] Box(double left, double top, double right, double bottom) =>
        [(right, top), (left, top), (left, bottom), (right, bottom)];
}

/// <summary>Writes small 方正见报XML pages in the export's own layout, for tests.</summary>
internal static class FounderXml
{
    public static string Page(string date, string label, string name, string pdf, params FounderItem[] items)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--方正见报XML1.0-->\n<版面><大样>");
        xml.Append(CultureInfo.InvariantCulture, $"<日期>{date}</日期><版次>{label}</版次><版名>{name}</版名><报名>滨江日报</报名><版面高>3027</版面高><版面宽>2119</版面宽>");
        xml.Append(CultureInfo.InvariantCulture, $"<文本篇数>{items.Length}</文本篇数><PDF><文件名>{pdf}</文件名></PDF>");
        xml.Append("<版面图><文件名>page_b.jpg</文件名><真图><文件名>page.jpg</文件名></真图></版面图></大样>");
        var n = 0;
        foreach (var item in items)
        {
            n++;
            xml.Append(CultureInfo.InvariantCulture, $"<小样><发布>{(item.Published ? "True" : "False")}</发布><引题><![CDATA[{item.Kicker}]]></引题><标题><![CDATA[{item.Title}]]></标题>");
            xml.Append(CultureInfo.InvariantCulture, $"<副题><![CDATA[{item.Subtitle}]]></副题><摘要><![CDATA[]]></摘要><作者>{item.Author}</作者><通讯员></通讯员><序号>{n}</序号><体裁>{item.Genre}</体裁>");
            xml.Append(CultureInfo.InvariantCulture, $"<版面图映射><顶点个数>{item.Outline.Length}</顶点个数>");
            foreach (var (x, y) in item.Outline)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<顶点>{x:0.000000}%,{y:0.000000}%</顶点>");
            }

            xml.Append(CultureInfo.InvariantCulture, $"</版面图映射><内容 htmlFormat=\"false\"><![CDATA[{item.Content}]]></内容></小样>");
        }

        return xml.Append("</版面>").ToString();
    }
}
