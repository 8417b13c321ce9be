namespace Broadsheet.Search.Tests;

public sealed class SnippetTests : IDisposable
{
    private readonly TempIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Markup_in_the_text_comes_back_escaped()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "编辑误贴了<script>alert('民警')</script>代码 & 其他\"引号\"")]);

        var snippet = Assert.Single(_index.Search("民警").Hits).Snippet;

        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;<mark>民警</mark>&#39;)&lt;/script&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp; 其他&quot;引号&quot;", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_typed_in_the_query_cannot_get_into_the_snippet()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "script alert 民警")]);

        var snippet = Assert.Single(_index.Search("<script>alert</script>").Hits).Snippet;

        Assert.Equal("<mark>script</mark> <mark>alert</mark> 民警", snippet);
    }

    [Theory]
    [InlineData("两名民警赶到现场", "民警", "两名<mark>民警</mark>赶到现场")]
    [InlineData("经过调解双方和解", "和解", "经过调解双方<mark>和解</mark>")]
    [InlineData("快递员王小明跳入河中", "王小明", "快递员<mark>王小明</mark>跳入河中")]
    [InlineData("The winner runs for the club", "running", "The winner <mark>runs</mark> for the club")]
    [InlineData("ＡＢＣ１２３公司捐赠", "abc123", "<mark>ＡＢＣ１２３</mark>公司捐赠")]
    [InlineData("新建5G基站两千座", "5g基站", "新建<mark>5G基站</mark>两千座")]
    [InlineData("民警和辅警巡逻，民警说", "民警 巡逻", "<mark>民警</mark>和辅警<mark>巡逻</mark>，<mark>民警</mark>说")]
    [InlineData("电信网络诈骗案件多发", "电信诈骗", "<mark>电信</mark>网络<mark>诈骗</mark>案件多发")]
    [InlineData("启动暴雨防汛应急响应", "防汛 暴雨", "启动<mark>暴雨防汛</mark>应急响应")]
    public async Task Marks_exactly_the_matched_words(string body, string query, string expected)
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: body)]);

        Assert.Equal(expected, Assert.Single(_index.Search(query).Hits).Snippet);
    }

    [Fact]
    public async Task Long_bodies_are_cut_around_the_match()
    {
        var before = string.Concat(Enumerable.Repeat("今天天气晴朗，", 40));
        var after = string.Concat(Enumerable.Repeat("市民出行方便。", 40));
        await _index.Index.IndexAsync([Articles.Make(1, body: before + "两名民警赶到现场。" + after)]);

        var snippet = Assert.Single(_index.Search("民警").Hits).Snippet;

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>民警</mark>", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Length, 60, 160);
    }

    [Fact]
    public async Task Without_a_body_match_the_snippet_is_the_opening()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "民警夜间巡逻", body: "昨晚十点，巡逻队出发。")]);

        var hit = Assert.Single(_index.Search("民警").Hits);

        Assert.Equal("昨晚十点，巡逻队出发。", hit.Snippet);
        Assert.Equal(["民警"], hit.MatchedPhrases);
    }

    [Fact]
    public async Task Photo_news_snippets_come_from_captions()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "图说", kind: Core.Model.ArticleKind.PhotoNews, captions: ["志愿者在黔灵山公园清理垃圾。"])]);

        Assert.Equal("志愿者在<mark>黔灵山</mark>公园清理垃圾。", Assert.Single(_index.Search("黔灵山").Hits).Snippet);
    }

    [Fact]
    public async Task Matched_phrases_are_what_the_reader_typed_and_forms_what_was_printed()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "Runners brave rain", body: "The winner runs for the ＡＢＣ club.")]);

        var hit = Assert.Single(_index.Search("RUNNING \"abc club\" -snow").Hits);

        Assert.Equal(["running", "abc club"], hit.MatchedPhrases);
        Assert.Equal(["runs", "ＡＢＣ club"], hit.MatchedForms);
    }

    [Fact]
    public async Task A_run_found_in_pieces_reports_the_pieces()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "贵阳公安局民警成功调解一起纠纷")]);

        var hit = Assert.Single(_index.Search("贵阳民警调解").Hits);

        Assert.Equal(["贵阳", "民警", "调解"], hit.MatchedPhrases);
    }

    [Fact]
    public async Task Only_phrases_the_article_contains_are_reported()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "民警巡逻"), Articles.Make(2, body: "消防演练")]);

        var hits = _index.Search("民警 OR 消防").Hits.ToDictionary(h => h.ArticleId);

        Assert.Equal(["民警"], hits[1].MatchedPhrases);
        Assert.Equal(["消防"], hits[2].MatchedPhrases);
    }
}
