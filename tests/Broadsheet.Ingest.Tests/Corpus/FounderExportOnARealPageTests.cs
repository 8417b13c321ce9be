using Broadsheet.Ingest.Archives;
using Broadsheet.Ingest.Tests.Import;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Corpus;

/// <summary>
/// 人民日报 2019-03-13 page 1 as Founder's e-paper export (the shared corpus beside the repository, read from there
/// into a temporary folder, never copied into the repository), with a page image of the page's proportions
/// beside it, since the corpus has the XML only. Skipped, saying so, where the corpus is absent.
/// </summary>
public sealed class FounderExportOnARealPageTests : IDisposable
{
    private const string Name = "founder-epaper-export-rmrb-2019-03-13-p01";

    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [CorpusFact]
    public async Task The_peoples_daily_front_page_imports_with_its_six_articles_where_the_export_puts_them()
    {
        var folder = _f.PathOf("rmrb");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(CorpusFolder.Path!, "formats", Name + ".xml"), Path.Combine(folder, Name + ".xml"));
        // The export's page is 2119 x 3027 px; a tenth of that, named as the XML is, stands in for the page image.
        File.WriteAllBytes(Path.Combine(folder, Name + ".png"), TestPng.Create(212, 303, (_, _) => (250, 250, 245)));

        var result = await new ArchiveImporter(_f.Importer, _f.Store, _f.Data).ImportAsync(new ImportRequest { SourcePath = folder, PublicationSlug = "binjiang" });

        var edition = Assert.Single(_f.Store.Editions);
        Assert.Equal(new DateOnly(2019, 3, 13), edition.Date);
        var page = Assert.Single(edition.Pages);
        Assert.Equal(("01", "要闻"), (page.Label, page.Name));
        Assert.Equal(6, result.ArticleCount);
        Assert.Equal(
            [
                "十三届人大二次会议举行第三次全体会议",
                "栗战书王沪宁赵乐际韩正分别参加全国人大会议一些代表团审议",
                "打好规划落实攻坚战 开创强军事业新局面",
                "十三届人大二次会议主席团举行第二次会议",
                "政协十三届常委会召开第六次会议",
                "打好我军建设发展“十三五”规划落实攻坚战确保如期完成国防和军队建设目标任务",
            ],
            edition.Articles.Select(a => a.Headline));
        var lead = edition.Articles[5];
        Assert.Equal("习近平在出席解放军和武警部队代表团全体会议时强调", lead.Kicker);
        var bounds = Assert.Single(lead.Regions).Polygon.Bounds;
        Assert.Equal((0.5103, 0.004, 0.9922, 0.6932), (Math.Round(bounds.Left, 4), Math.Round(bounds.Top, 4), Math.Round(bounds.Right, 4), Math.Round(bounds.Bottom, 4)));
        var first = edition.Articles[0];
        Assert.Equal("习近平李克强栗战书汪洋王沪宁赵乐际韩正王岐山等出席听取和审议最高人民法院工作报告和最高人民检察院工作报告", first.Subheadline);
        Assert.StartsWith("新华社北京3月12日电 十三届全国人大二次会议12日上午", first.Paragraphs[0], StringComparison.Ordinal);
        Assert.All(edition.Articles, a => Assert.True(a.Paragraphs.Count >= 2, $"{a.Headline}: {a.Paragraphs.Count} paragraphs"));
        Assert.Null(page.ReviewNote);
        // The outlines tile the page without overlapping, so the export's own checks find nothing on it.
        Assert.Empty(result.Warnings);
    }
}
