namespace Broadsheet.Search.Tests;

public sealed class IndexWriteTests : IDisposable
{
    private readonly TempIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Warming_up_searches_an_empty_or_a_full_index_and_changes_nothing()
    {
        _index.Index.Warm();
        await _index.Index.IndexAsync([Articles.Make(1, headline: "新闻发布会", body: "记者 reports news")]);

        _index.Index.Warm();

        Assert.Equal(1, _index.Index.DocumentCount);
        Assert.Equal([1], _index.Ids("新闻"));
    }

    [Fact]
    public async Task Indexing_an_article_again_replaces_it()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "居民楼发生火灾")]);
        await _index.Index.IndexAsync([Articles.Make(1, headline: "全市启动暴雨应急响应")]);

        Assert.Empty(_index.Ids("火灾"));
        Assert.Equal([1], _index.Ids("暴雨"));
        Assert.Equal(1, _index.Index.DocumentCount);
    }

    [Fact]
    public async Task The_last_copy_in_one_batch_wins()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "火灾"), Articles.Make(1, headline: "暴雨")]);

        Assert.Equal(1, _index.Index.DocumentCount);
        Assert.Equal([1], _index.Ids("暴雨"));
    }

    [Fact]
    public async Task Deleted_articles_are_no_longer_found()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "民警"), Articles.Make(2, body: "民警"), Articles.Make(3, body: "民警")]);

        await _index.Index.DeleteAsync([1, 3, 99]);

        Assert.Equal([2], _index.Ids("民警"));
    }

    [Fact]
    public async Task Deleting_an_edition_leaves_the_others()
    {
        await _index.Index.IndexAsync(
        [
            Articles.Make(1, body: "民警", date: "2024-03-12"),
            Articles.Make(2, body: "民警", date: "2024-03-12", edition: 2),
            Articles.Make(3, body: "民警", date: "2024-03-13"),
            Articles.Make(4, body: "民警", date: "2024-03-12", pub: "county-herald"),
        ]);

        await _index.Index.DeleteEditionAsync("gzfzb", new DateOnly(2024, 3, 12), 1);

        Assert.Equal([2, 3, 4], _index.Ids("民警").Order());
    }

    [Fact]
    public async Task Replacing_an_edition_swaps_its_articles_in_one_go()
    {
        await _index.Index.IndexAsync(
        [
            Articles.Make(1, headline: "旧稿一 火灾", date: "2024-03-12"),
            Articles.Make(2, headline: "旧稿二 火灾", date: "2024-03-12"),
            Articles.Make(3, headline: "旧稿三 火灾", date: "2024-03-12"),
            Articles.Make(9, headline: "另一天 火灾", date: "2024-03-13"),
        ]);

        await _index.Index.ReplaceEditionAsync("gzfzb", new DateOnly(2024, 3, 12), 1,
        [
            Articles.Make(2, headline: "改稿二 暴雨", date: "2024-03-12"),
            Articles.Make(4, headline: "新稿四 暴雨", date: "2024-03-12"),
        ]);

        Assert.Equal([9], _index.Ids("火灾"));
        Assert.Equal([2, 4], _index.Ids("暴雨").Order());
        Assert.Equal(3, _index.Index.DocumentCount);
    }

    [Fact]
    public async Task Replacing_an_edition_refuses_articles_of_another_edition()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "火灾", date: "2024-03-12")]);

        await Assert.ThrowsAsync<ArgumentException>(() => _index.Index.ReplaceEditionAsync(
            "gzfzb", new DateOnly(2024, 3, 12), 1, [Articles.Make(2, headline: "暴雨", date: "2024-03-13")]));

        Assert.Equal([1], _index.Ids("火灾"));
    }

    [Fact]
    public async Task Writes_survive_closing_and_reopening()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "民警")]);

        _index.Reopen();

        Assert.Equal([1], _index.Ids("民警"));
        Assert.True(_index.Index.HealthAtOpen.IsHealthy, _index.Index.HealthAtOpen.Message);
    }

    [Fact]
    public async Task A_cancelled_write_changes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _index.Index.IndexAsync([Articles.Make(1, body: "民警")], cancelled.Token));

        Assert.Equal(0, _index.Index.DocumentCount);
    }

    [Fact]
    public async Task Searches_and_writes_can_run_at_the_same_time()
    {
        var writes = Enumerable.Range(1, 20).Select(i => _index.Index.IndexAsync([Articles.Make(i, body: "民警巡逻")]));
        var searches = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                Assert.InRange(_index.Search("民警").Total, 0, 20);
            }
        }));

        await Task.WhenAll(writes.Concat(searches));

        Assert.Equal(20, _index.Search("民警").Total);
    }
}
