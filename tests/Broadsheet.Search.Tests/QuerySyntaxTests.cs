namespace Broadsheet.Search.Tests;

public sealed class QuerySyntaxTests : IDisposable
{
    private readonly TempIndex _index = new();

    public QuerySyntaxTests()
    {
        _index.Index.IndexAsync(
        [
            Articles.Make(1, headline: "民警调解邻里纠纷", body: "两名民警赶到现场，经过调解双方和解。", byline: "记者 王芳", date: "2024-03-12", page: "06", pageName: "平安贵阳"),
            Articles.Make(2, headline: "居民楼发生火灾", body: "消防员赶到现场扑救，民警维持秩序。", byline: "通讯员 李明", date: "2024-03-12", page: "08", pageName: "消防"),
            Articles.Make(3, headline: "暴雨防汛应急响应", body: "民警和消防员连夜转移群众。王芳说，大家都很配合。", byline: "记者 赵丽", date: "2024-06-20", page: "02", pageName: "要闻"),
            Articles.Make(4, headline: "民警夜间巡逻", body: "民警赶往现场后发现是一场误会。", byline: "记者 王芳", date: "2023-11-08", page: "06", pageName: "平安贵阳"),
            Articles.Make(5, headline: "Council approves library funding", body: "The county council voted to fund a new library.", byline: "By Sarah Cole", pub: "county-herald", date: "2024-02-06", page: "A01", pageName: "Front Page"),
            Articles.Make(6, headline: "火灾隐患排查", body: "消防部门开展火灾隐患排查。", byline: "记者 赵丽", date: "2024-03-12", edition: 2, page: "08", pageName: "消防"),
        ]).GetAwaiter().GetResult();
    }

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("\"民警赶到\"", new[] { 1 })]
    [InlineData("“民警赶到”", new[] { 1 })]
    [InlineData("民警赶到", new[] { 1, 2 })]
    [InlineData("\"民警赶往\"", new[] { 4 })]
    [InlineData("\"council voted\"", new[] { 5 })]
    [InlineData("\"voted council\"", new int[0])]
    public void Quoted_phrases_match_only_adjacent_words(string text, int[] expected) =>
        Assert.Equal(expected.Order(), _index.Ids(text).Order());

    [Theory]
    [InlineData("火灾 OR 暴雨", new[] { 2, 3, 6 })]
    [InlineData("火灾 || 暴雨", new[] { 2, 3, 6 })]
    [InlineData("民警 AND 消防员", new[] { 2, 3 })]
    [InlineData("民警 消防员", new[] { 2, 3 })]
    [InlineData("+民警 +消防员", new[] { 2, 3 })]
    [InlineData("民警 NOT 调解", new[] { 2, 3, 4 })]
    [InlineData("民警 -调解", new[] { 2, 3, 4 })]
    [InlineData("-调解 民警", new[] { 2, 3, 4 })]
    [InlineData("NOT 民警", new[] { 5, 6 })]
    [InlineData("火灾 OR 暴雨 民警", new[] { 2, 3 })]
    [InlineData("民警 火灾 OR 暴雨", new[] { 2, 3 })]
    public void Boolean_operators_combine_terms(string text, int[] expected) =>
        Assert.Equal(expected.Order(), _index.Ids(text).Order());

    [Theory]
    [InlineData("author:王芳", new[] { 1, 4 })]
    [InlineData("作者：王芳", new[] { 1, 4 })]
    [InlineData("王芳", new[] { 1, 3, 4 })]
    [InlineData("author:\"Sarah Cole\"", new[] { 5 })]
    [InlineData("title:火灾", new[] { 2, 6 })]
    [InlineData("标题：火灾", new[] { 2, 6 })]
    [InlineData("TITLE:library", new[] { 5 })]
    [InlineData("火灾", new[] { 2, 6 })]
    [InlineData("title:民警 author:王芳", new[] { 1, 4 })]
    [InlineData("title:民警 -author:王芳", new int[0])]
    public void Field_prefixes_restrict_where_a_term_is_looked_for(string text, int[] expected) =>
        Assert.Equal(expected.Order(), _index.Ids(text).Order());

    [Fact]
    public void Date_range_is_inclusive()
    {
        var ids = _index.Ids(new SearchQuery { Text = "民警", From = new DateOnly(2024, 3, 12), To = new DateOnly(2024, 6, 20) });

        Assert.Equal([1, 2, 3], ids.Order());
    }

    [Fact]
    public void Open_ended_date_ranges_work()
    {
        Assert.Equal([4], _index.Ids(new SearchQuery { Text = "民警", To = new DateOnly(2023, 12, 31) }));
        Assert.Equal([3], _index.Ids(new SearchQuery { Text = "民警", From = new DateOnly(2024, 4, 1) }));
    }

    [Fact]
    public void Publication_filter_keeps_one_paper()
    {
        Assert.Equal([5], _index.Ids(new SearchQuery { Publication = "county-herald" }));
        Assert.Equal([1, 2, 3, 4, 6], _index.Ids(new SearchQuery { Publication = "gzfzb" }).Order());
    }

    [Fact]
    public void Page_name_filter_keeps_one_page()
    {
        Assert.Equal([1, 4], _index.Ids(new SearchQuery { Text = "民警", PageName = "平安贵阳" }).Order());
    }

    [Fact]
    public void This_edition_filter_keeps_one_edition()
    {
        var day = new EditionFilter("gzfzb", new DateOnly(2024, 3, 12));
        Assert.Equal([1, 2, 6], _index.Ids(new SearchQuery { Edition = day }).Order());
        Assert.Equal([2], _index.Ids(new SearchQuery { Text = "火灾", Edition = day with { Number = 1 } }));
        Assert.Equal([6], _index.Ids(new SearchQuery { Text = "火灾", Edition = day with { Number = 2 } }));
        Assert.Empty(_index.Ids(new SearchQuery { Text = "火灾", Edition = day with { PublicationSlug = "county-herald" } }));
    }

    [Fact]
    public void Paging_walks_through_all_hits_once()
    {
        var seen = new List<int>();
        for (var page = 1; page <= 4; page++)
        {
            var result = _index.Index.Search(new SearchQuery { Page = page, PageSize = 2, Sort = SearchSort.Newest });
            Assert.Equal(6, result.Total);
            seen.AddRange(result.Hits.Select(h => h.ArticleId));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], seen.Order());
    }

    [Fact]
    public void Paging_past_the_end_is_empty_with_the_total_intact()
    {
        var result = _index.Index.Search(new SearchQuery { Text = "民警", Page = 50, PageSize = 10 });

        Assert.Equal(4, result.Total);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Silly_paging_values_are_clamped()
    {
        var result = _index.Index.Search(new SearchQuery { Page = -3, PageSize = 100_000 });

        Assert.Equal(6, result.Hits.Count);
        Assert.Single(_index.Index.Search(new SearchQuery { PageSize = 0 }).Hits);
    }

    [Fact]
    public void Sort_by_date_orders_editions()
    {
        var newest = _index.Index.Search(new SearchQuery { Text = "民警", Sort = SearchSort.Newest }).Hits.Select(h => h.Date).ToList();
        var oldest = _index.Index.Search(new SearchQuery { Text = "民警", Sort = SearchSort.Oldest }).Hits.Select(h => h.Date).ToList();

        Assert.Equal(newest.OrderDescending(), newest);
        Assert.Equal(oldest.Order(), oldest);
        Assert.Equal(new DateOnly(2024, 6, 20), newest[0]);
        Assert.Equal(new DateOnly(2023, 11, 8), oldest[0]);
    }

    [Fact]
    public void Relevance_puts_headline_matches_first_whatever_their_date()
    {
        // 4 (2023) has 民警 in its headline; 2 and 3 (2024, newer) only in the body.
        var hits = _index.Index.Search(new SearchQuery { Text = "民警" }).Hits.Select(h => h.ArticleId).ToList();

        Assert.True(hits.IndexOf(4) < hits.IndexOf(2) && hits.IndexOf(4) < hits.IndexOf(3), string.Join(",", hits));
    }

    [Fact]
    public void Hits_carry_what_the_reader_url_needs()
    {
        var hit = Assert.Single(_index.Index.Search(new SearchQuery { Text = "library" }).Hits);

        Assert.Equal(("county-herald", new DateOnly(2024, 2, 6), "A01", "Front Page", 1), (hit.PublicationSlug, hit.Date, hit.PageLabel, hit.PageName, hit.ArticleNumberOnPage));
        Assert.Equal("Council approves library funding", hit.Headline);
        Assert.Equal("The County Herald", hit.PublicationName);
        Assert.True(hit.Score > 0);
    }
}
