namespace Broadsheet.Search.Tests;

/// <summary>How a typed run is cut into the pieces an article must contain, and filters on a larger index.</summary>
public sealed class QueryPiecesTests : IDisposable
{
    private readonly TempIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task A_character_segmentation_splits_off_stays_with_its_word()
    {
        // SmartCn cuts 诈骗案 into 诈骗 and 案; 案 alone would be found inside 方案 anywhere in the article.
        await _index.Index.IndexAsync(
        [
            Articles.Make(1, body: "警方破获一起电信诈骗案，追回损失。"),
            Articles.Make(2, body: "诈骗分子已被抓获。社区同时公布了新的防范方案。"),
            Articles.Make(3, headline: "诈骗案件高发", body: "提醒市民提高警惕。"),
        ]);

        Assert.Equal([1, 3], _index.Ids("诈骗案").Order());
        Assert.Equal([1, 3], _index.Ids("派出所 OR 诈骗案").Order());
        Assert.Equal([3], _index.Ids("诈骗案 NOT 损失").Order());
    }

    [Fact]
    public async Task Pieces_of_words_are_still_found_apart()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "贵阳公安局民警成功调解一起纠纷")]);

        Assert.Equal([1], _index.Ids("贵阳民警调解"));
    }

    [Theory]
    [InlineData("深读", 1)]
    [InlineData("社会", 149)]
    public async Task Filters_give_the_same_hits_whether_rare_or_common(string pageName, int expected)
    {
        // A filter passing under 1 % of the index is stepped through; a denser one is checked per article
        // as the query reads its terms. Both must keep exactly what passes, with the phrase checked.
        var articles = Enumerable.Range(1, 300)
            .Select(i => Articles.Make(
                i,
                body: i % 2 == 1 ? "民警走访老旧小区，了解居民需求。" : "民警来到小区，老旧设施已经更换。",
                pageName: i == 1 ? "深读" : i % 2 == 1 ? "社会" : "民生",
                date: i % 3 == 0 ? "2020-05-01" : "2024-03-12"))
            .ToList();
        await _index.Index.IndexAsync(articles);

        var phrase = _index.Index.Search(new SearchQuery { Text = "\"老旧小区\"", PageName = pageName, PageSize = 100, Facets = true });
        Assert.Equal(expected, phrase.Total);
        Assert.All(phrase.Hits, h => Assert.Equal(pageName, h.PageName));
        Assert.Equal([new FacetCount(pageName, expected)], phrase.Facets!.PageNames);

        var dated = _index.Index.Search(new SearchQuery { Text = "\"老旧小区\"", PageName = pageName, To = new DateOnly(2021, 1, 1) });
        Assert.Equal(articles.Count(a => a.PageName == pageName && a.Date.Year == 2020), dated.Total);
    }

    [Fact]
    public async Task Equal_matches_rank_the_newer_edition_first_then_the_article_indexed_first_on_every_page()
    {
        // Same text, so the same score: 60 articles over ten days, indexed in two writes (two segments).
        var articles = Enumerable.Range(1, 60)
            .Select(i => Articles.Make(i, body: "民警巡逻", date: $"2024-01-{1 + (i % 10):00}"))
            .ToList();
        await _index.Index.IndexAsync(articles[..30]);
        await _index.Index.IndexAsync(articles[30..]);
        var expected = articles.OrderByDescending(a => a.Date).ThenBy(a => a.ArticleId).Select(a => a.ArticleId).ToList();

        var paged = new List<int>();
        for (var page = 1; page <= 9; page++)
        {
            var result = _index.Index.Search(new SearchQuery { Text = "民警", Page = page, PageSize = 7, Facets = page == 1 });
            Assert.Equal(60, result.Total);
            paged.AddRange(result.Hits.Select(h => h.ArticleId));
        }

        Assert.Equal(expected, paged);
        Assert.Equal(expected, _index.Ids(new SearchQuery { Text = "民警", PageSize = 100 }));
    }
}
