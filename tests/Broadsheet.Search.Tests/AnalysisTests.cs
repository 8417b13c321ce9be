namespace Broadsheet.Search.Tests;

/// <summary>What a reader types finds (or does not find) an article whose body is the given sentence.</summary>
public sealed class AnalysisTests : IDisposable
{
    private readonly TempIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Theory]
    // Two-character words.
    [InlineData("两名民警赶到现场", "民警", true)]
    [InlineData("经过调解双方和解", "调解", true)]
    [InlineData("经过调解双方和解", "和解", true)]
    [InlineData("两名民警赶到现场", "现场", true)]
    // Personal names inside a sentence: SmartCn cuts these into single characters.
    [InlineData("李明在现场指挥疏散群众", "李明", true)]
    [InlineData("王芳表示将继续努力", "王芳", true)]
    [InlineData("快递员王小明跳入河中救人", "王小明", true)]
    [InlineData("社区医生欧阳娜娜上门随访", "欧阳娜娜", true)]
    [InlineData("据张伟介绍，工程已完工", "张伟", true)]
    // ... but their characters scattered are not the name.
    [InlineData("李华明天到岗", "李明", false)]
    [InlineData("记者王小明报道", "王明", false)]
    [InlineData("两名民警赶到现场", "民场", false)]
    // A single character finds itself inside a word.
    [InlineData("消防员扑灭了大火", "火", true)]
    [InlineData("快递员王小明跳入河中救人", "小", true)]
    [InlineData("快递员王小明跳入河中救人", "王", true)]
    [InlineData("快递员王小明跳入河中救人", "鱼", false)]
    [InlineData("今天大𠮷", "𠮷", true)]
    [InlineData("记者𠮷野报道", "𠮷野", true)]
    // ... and at the end of a mixed run, a character that starts a longer run.
    [InlineData("今日A股市场小幅震荡", "A股", true)]
    [InlineData("今日A股市场小幅震荡", "B股", false)]
    [InlineData("今日A股市场小幅震荡", "A市", false)]
    // English: stemmed and lower-cased.
    [InlineData("The winner runs for the local club", "running", true)]
    [InlineData("Volunteers were running the stall", "run", true)]
    [InlineData("Police said the men fled", "POLICE", true)]
    [InlineData("The council's report was late", "council", true)]
    [InlineData("Police said the men fled", "fleet", false)]
    [InlineData("Visitors filled the ÉCOLE NORMALE hall", "école normale", true)]
    [InlineData("Делегация из МОСКВЫ прибыла", "москвы", true)]
    // Full-width and half-width forms are the same.
    [InlineData("ＡＢＣ１２３公司捐赠物资", "abc123", true)]
    [InlineData("ABC123公司捐赠物资", "ＡＢＣ１２３", true)]
    [InlineData("ＡＢＣ１２３公司捐赠物资", "ABC", true)]
    [InlineData("全市共有１２００名志愿者", "1200", true)]
    // Mixed Latin, digits and Chinese.
    [InlineData("我市新建5G基站两千座", "5G基站", true)]
    [InlineData("我市新建5G基站两千座", "5g", true)]
    [InlineData("我市新建5G基站两千座", "基站", true)]
    [InlineData("我市新建5G基站两千座", "4G基站", false)]
    [InlineData("基站5G信号覆盖全城", "基站5G", true)]
    [InlineData("新冠COVID-19疫苗接种", "covid-19", true)]
    // Several words, in any order, anywhere in the article.
    [InlineData("民警和辅警一起在夜间巡逻", "巡逻 民警", true)]
    [InlineData("民警和辅警一起在夜间巡逻", "民警 火灾", false)]
    public async Task Finds_what_a_reader_would_expect(string body, string query, bool found)
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: body)]);

        var result = _index.Search(query);

        Assert.Equal(found ? 1 : 0, result.Total);
    }

    [Theory]
    [InlineData("李明", "■通讯员 李明")]
    [InlineData("王芳", "本报讯（记者 王芳）")]
    public async Task Finds_names_in_bylines(string query, string byline)
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "一段正文", byline: byline)]);

        Assert.Equal([1], _index.Ids(query));
    }
}
