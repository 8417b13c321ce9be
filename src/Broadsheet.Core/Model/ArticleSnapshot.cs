using System.Globalization;
using System.Text;

namespace Broadsheet.Core.Model;

/// <summary>An article as lines of text, one field or paragraph per line, so two versions can be compared.</summary>
public static class ArticleSnapshot
{
    public static string Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = new StringBuilder();
        Line(text, "引题", article.Kicker);
        Line(text, "主题", article.Headline);
        Line(text, "副题", article.Subheadline);
        Line(text, "作者", article.Byline);
        Line(text, "类型", KindName(article.Kind));
        foreach (var paragraph in article.Body)
        {
            // A body paragraph is its text alone, as before paragraphs had kinds, so older revisions still compare line for line.
            text.Append(KindPrefix(paragraph)).Append(paragraph.Text.ReplaceLineEndings(" ")).Append('\n');
        }

        foreach (var image in article.Images)
        {
            Line(text, "图片说明", image.Caption);
        }

        foreach (var region in article.Regions.OrderBy(r => r.Page?.Order ?? 0))
        {
            var points = string.Join(' ', region.Polygon.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.###},{p.Y:0.###}")));
            Line(text, "区域 " + (region.Page?.Label ?? "?"), points);
        }

        Line(text, "更正", article.CorrectionNote);
        return text.ToString();
    }

    /// <summary>What the desk calls each kind (revisions are read there), in the words of the line names above.</summary>
    public static string KindName(ArticleKind kind) => kind switch
    {
        ArticleKind.PhotoNews => "图说新闻",
        ArticleKind.Briefs => "简讯",
        ArticleKind.Advertisement => "广告",
        ArticleKind.Notice => "公告",
        _ => "文章",
    };

    /// <summary>How a revision shows a paragraph that is not plain body text: "小标题: …", "图注: …", "署名: …", "加粗「标题」: …".</summary>
    private static string KindPrefix(Paragraph paragraph) => paragraph.Kind switch
    {
        ParagraphKind.Subhead => "小标题: ",
        ParagraphKind.Caption => "图注: ",
        ParagraphKind.Credit => "署名: ",
        _ when paragraph.LeadText is { } lead => "加粗「" + lead + "」: ",
        _ => "",
    };

    private static void Line(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(name).Append(": ").Append(value.ReplaceLineEndings(" ")).Append('\n');
        }
    }
}
