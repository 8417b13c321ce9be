namespace Broadsheet.Search.Tests;

/// <summary>Whatever a reader types, search answers; half-typed syntax is searched as words.</summary>
public sealed class JunkInputTests : IDisposable
{
    private readonly TempIndex _index = new();

    public JunkInputTests()
    {
        _index.Index.IndexAsync(
        [
            Articles.Make(1, headline: "民警调解纠纷", body: "两名民警赶到现场。"),
            Articles.Make(2, headline: "Menu", body: "Choose tea and/or coffee; the title of the dish is unbalanced."),
        ]).GetAwaiter().GetResult();
    }

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("unbalanced\"")]
    [InlineData("AND OR")]
    [InlineData("title:")]
    [InlineData("author:")]
    [InlineData("title:\"")]
    [InlineData("title:title:")]
    [InlineData("NOT")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("--")]
    [InlineData("\"\"")]
    [InlineData("\"")]
    [InlineData("((民警")]
    [InlineData("民警)")]
    [InlineData("OR 民警")]
    [InlineData("民警 AND")]
    [InlineData("民警 NOT")]
    [InlineData("民警 OR OR OR")]
    [InlineData("：：：")]
    [InlineData("*")]
    [InlineData("?民警*")]
    [InlineData("民警~2")]
    [InlineData("民警^10")]
    [InlineData("field:value")]
    [InlineData("\\")]
    [InlineData("[1 TO 5]")]
    [InlineData("{}")]
    [InlineData("/regex/")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("，。！")]
    [InlineData("🔥民警")]
    [InlineData("\u0000\u0001")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData(null)]
    public void Gives_a_whole_answer_with_counts_that_agree(string? text)
    {
        var result = _index.Index.Search(new SearchQuery { Text = text, Facets = true });

        // Both articles fit on one page of results, so every hit is listed, once, and the facets count them all.
        var ids = result.Hits.Select(h => h.ArticleId).ToList();
        Assert.Equal(result.Total, ids.Count);
        Assert.Equal(ids.Distinct().Order(), ids.Order());
        Assert.All(ids, id => Assert.Contains(id, new[] { 1, 2 }));
        Assert.NotNull(result.Facets);
        Assert.Equal(result.Total, result.Facets.Years.Sum(y => y.Count));
        Assert.Equal(result.Total, result.Facets.Publications.Sum(p => p.Count));
    }

    [Fact]
    public void Very_long_input_is_searched_by_its_words()
    {
        // Operators, a field, an exclusion and a stray bracket, three hundred times over.
        var text = string.Join(' ', Enumerable.Repeat("民警 OR 纠纷 -coffee title:( ", 300));

        Assert.Equal([1], _index.Ids(text));
    }

    [Fact]
    public void A_pasted_essay_is_searched_by_its_beginning()
    {
        var words = string.Join(' ', Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? "民警" : "OR"));

        Assert.Equal([1], _index.Ids(words));
        Assert.Equal([1], _index.Ids(string.Concat(Enumerable.Repeat("民警", 3000))));
    }

    [Theory]
    [InlineData("\"unbalanced", 2)]
    [InlineData("\"民警", 1)]
    [InlineData("民警\"", 1)]
    [InlineData("title:", 2)]
    [InlineData("AND OR", 2)]
    [InlineData("民警 AND", 1)]
    [InlineData("OR 民警", 1)]
    [InlineData("((民警", 1)]
    [InlineData("🔥民警", 1)]
    public void Degrades_to_plain_words(string text, int expected) =>
        Assert.Equal([expected], _index.Ids(text));

    [Fact]
    public void Only_punctuation_finds_nothing_rather_than_everything() =>
        Assert.Equal(0, _index.Search("，。！").Total);

    [Fact]
    public void Empty_text_lists_everything() =>
        Assert.Equal(2, _index.Search("").Total);
}
