using Broadsheet.Bench.Accuracy.Corpus;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Corpus;

/// <summary>
/// Sub-heads (小标题) on a page a newsroom printed: 甘肃法治报's page 8 sets them bold and centred between the paragraphs
/// of three stories, one of them on two lines. Read from the shared corpus beside the repository (never copied into
/// it); skipped, saying so, where it is absent.
/// </summary>
// Real corpus pages: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class SubheadsOnRealPagesTests
{
    private static readonly string? Folder = CorpusFolder.Path;

    [CorpusFact]
    public void The_printed_sub_heads_are_sub_heads_and_no_other_paragraph_on_the_page_is()
    {
        var articles = new SimpleArticleDetector().Detect(
            PdfLayoutReader.ReadFirstPage(Path.Combine(Folder!, "gansu-fazhi-2024-08-09-p08.pdf"), HanScript.Simplified));

        var subheads = articles
            .SelectMany(a => a.ToContent().Paragraphs.Where(p => p.Kind == ParagraphKind.Subhead).Select(p => (a.Headline, p.Text)))
            .ToList();

        Assert.Equal(
            [
                ("“铁脚板+笔记本+大数据”护平安", "“铁脚板”蹚出平安路"),
                ("“铁脚板+笔记本+大数据”护平安", "“笔记本”解锁群众事"),
                ("“铁脚板+笔记本+大数据”护平安", "“大数据”跑出加速度"),
                ("强化基层治理筑牢安全防线", "把好“普法关”狠抓基层源头治理"),
                ("强化基层治理筑牢安全防线", "把好“排调关”精准化解矛盾纠纷"),
                ("岷县检察：驻村帮扶助力乡村振兴", "强化学习促进强村富民"),
                ("岷县检察：驻村帮扶助力乡村振兴", "化解矛盾提升治理水平"),
                ("岷县检察：驻村帮扶助力乡村振兴", "为民服务解决群众困难"),
            ],
            subheads);
    }
}
