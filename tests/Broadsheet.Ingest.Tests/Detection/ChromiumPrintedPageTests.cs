using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

/// <summary>
/// A page the sample generator did not make: bench/accuracy/chromium-page.html printed by headless Chromium
/// (TestData/chromium-printed-page.pdf). Its text is drawn line by line in Noto CJK and DejaVu subsets.
/// </summary>
public sealed class ChromiumPrintedPageTests
{
    private static readonly IReadOnlyList<DetectedArticle> Articles =
        new SimpleArticleDetector().Detect(PdfLayoutReader.ReadFirstPage(Path.Combine(AppContext.BaseDirectory, "TestData", "chromium-printed-page.pdf")));

    [Fact]
    public void Every_item_on_the_page_is_found_in_reading_order()
    {
        Assert.Equal(
            ["全市群众安全感满意度再创新高", "社区警务室延伸服务触角", "Night patrols win praise from residents", "简讯", "江畔晨练", "金秋购房节　首付低至两成"],
            Articles.Select(a => a.Headline));
        Assert.Equal(
            [ArticleKind.Story, ArticleKind.Story, ArticleKind.Story, ArticleKind.Briefs, ArticleKind.PhotoNews, ArticleKind.Advertisement],
            Articles.Select(a => a.Kind));
    }

    [Fact]
    public void The_lead_has_its_kicker_subheadline_byline_photo_and_jump()
    {
        var lead = Articles[0];

        Assert.Equal("坚持人民至上　守护万家平安——", lead.Kicker);
        Assert.Equal("——我市平安建设工作综述", lead.Subheadline);
        Assert.Equal(("本报讯", "记者 张三 通讯员 李四"), (lead.Dateline, lead.Byline));
        Assert.Equal("3", lead.ContinuedTo);
        Assert.Equal(6, lead.Paragraphs.Count);
        Assert.StartsWith("记者日前从市公安局获悉", lead.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("平均办理时限压缩至三个工作日。", lead.Paragraphs[^1], StringComparison.Ordinal);
        var photo = Assert.Single(lead.Images);
        Assert.Equal(("11月1日，民警在南明区街头开展治安巡逻。", "赵六"), (photo.Caption, photo.Credit));
    }

    [Fact]
    public void Bylines_sub_heads_datelines_and_brief_items_come_apart()
    {
        Assert.Equal("通讯员 王五", Articles[1].Byline);
        Assert.Equal("群众办事不出社区", Articles[1].Paragraphs[2]);
        Assert.Equal(5, Articles[1].Paragraphs.Count);
        Assert.Equal(("GUIYANG", "By Jane Smith"), (Articles[2].Dateline, Articles[2].Byline));
        Assert.Equal(3, Articles[2].Paragraphs.Count);
        Assert.Equal(["消防演练进校园　", "反诈宣传进社区　", "交通安全宣传周启动　"], Articles[3].Paragraphs.Select(p => p[..(p.IndexOf('　', StringComparison.Ordinal) + 1)]));
        Assert.Equal("本报记者 孙七", Assert.Single(Articles[4].Images).Credit);
    }
}
