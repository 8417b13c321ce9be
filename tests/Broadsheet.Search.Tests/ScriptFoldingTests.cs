using Broadsheet.Search.Analysis;

namespace Broadsheet.Search.Tests;

/// <summary>A query in simplified Chinese finds text printed in traditional characters, and the other way round.</summary>
public sealed class ScriptFoldingTests : IDisposable
{
    private readonly TempIndex _index = new();

    public ScriptFoldingTests()
    {
        _index.Index.IndexAsync(
        [
            Articles.Make(1, headline: "舊鐘樓迎來百歲生日", body: "港島的舊鐘樓今年迎來一百歲生日，市民在樓下合影留念。", byline: "記者 歐陽澤"),
            Articles.Make(2, headline: "老城区的钟楼修缮完工", body: "经过半年施工，老城区的钟楼重新对外开放。"),
            Articles.Make(3, headline: "什么是城市更新", body: "城市更新怎么做？专家这样说。"),
            Articles.Make(4, headline: "ＡＩ导览上线", body: "博物馆推出AI导览服务。"),
        ]).GetAwaiter().GetResult();
    }

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("旧钟楼", new[] { 1 })]
    [InlineData("舊鐘樓", new[] { 1 })]
    [InlineData("钟楼", new[] { 1, 2 })]
    [InlineData("鐘樓", new[] { 1, 2 })]
    [InlineData("\"迎来一百岁生日\"", new[] { 1 })]
    [InlineData("title:钟楼", new[] { 1, 2 })]
    [InlineData("author:欧阳泽", new[] { 1 })]
    [InlineData("什麼", new[] { 3 })]
    [InlineData("怎麼", new[] { 3 })]
    [InlineData("ai導覽", new[] { 4 })]
    public void Either_script_finds_both(string query, int[] expected) =>
        Assert.Equal(expected.Order(), _index.Ids(query).Order());

    [Fact]
    public void The_snippet_marks_the_words_as_printed_and_the_page_gets_the_printed_form_to_mark()
    {
        var hit = Assert.Single(_index.Search("旧钟楼").Hits);

        Assert.Contains("<mark>舊鐘樓</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("舊鐘樓", hit.MatchedForms);
    }

    [Theory]
    [InlineData('報', '报')]
    [InlineData('後', '后')]
    [InlineData('麼', '么')]
    [InlineData('麽', '么')]
    [InlineData('么', '么')] // 什么: a simplified character stays, though OpenCC's table would make it 幺
    [InlineData('报', '报')]
    [InlineData('Ａ', 'A')]
    [InlineData('a', 'a')]
    public void A_character_folds_once_for_good(char typed, char folded)
    {
        Assert.Equal(folded, TextFolding.Fold(typed));
        Assert.Equal(folded, TextFolding.Fold(TextFolding.Fold(typed)));
    }

    [Fact]
    public void The_table_holds_thousands_of_characters_and_folds_none_to_a_surrogate()
    {
        var folded = Enumerable.Range(0x3400, 0x9FFF - 0x3400 + 1).Count(c => HanFolding.Fold((char)c) != (char)c);

        Assert.InRange(folded, 2500, 3500);
        Assert.DoesNotContain(Enumerable.Range(0, char.MaxValue + 1), c => !char.IsSurrogate((char)c) && char.IsSurrogate(HanFolding.Fold((char)c)));
    }
}
