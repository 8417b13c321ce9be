namespace Broadsheet.Search.Tests;

public sealed class RebuildTests : IDisposable
{
    private readonly TempIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Rebuild_replaces_the_whole_index_and_reports_progress()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "过时的稿件 火灾")]);
        var reported = new List<int>();

        await _index.Index.RebuildAsync(Stream(Enumerable.Range(100, 600).Select(i => Articles.Make(i, body: "民警巡逻"))), new SyncProgress(reported.Add));

        Assert.Empty(_index.Ids("火灾"));
        Assert.Equal(600, _index.Search("民警").Total);
        Assert.Equal(600, reported[^1]);
        Assert.True(reported.Count >= 2, string.Join(",", reported));
        Assert.Equal(reported.Order(), reported);
        Assert.True(SearchIndex.Check(_index.IndexPath).IsHealthy);
        Assert.Single(Directory.GetDirectories(_index.Folder));
    }

    [Fact]
    public async Task Searches_use_the_old_index_until_the_new_one_is_ready()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "火灾")]);
        var halfway = new TaskCompletionSource();
        var resume = new TaskCompletionSource();

        var rebuild = _index.Index.RebuildAsync(Paused(halfway, resume, Articles.Make(2, headline: "暴雨"), Articles.Make(3, headline: "暴雨")));
        await halfway.Task;
        Assert.Equal([1], _index.Ids("火灾"));
        Assert.True(_index.Index.IsRebuilding);
        resume.SetResult();
        await rebuild;

        Assert.Empty(_index.Ids("火灾"));
        Assert.Equal([2, 3], _index.Ids("暴雨").Order());
        Assert.False(_index.Index.IsRebuilding);
    }

    [Fact]
    public async Task Writes_made_during_a_rebuild_are_kept()
    {
        var halfway = new TaskCompletionSource();
        var resume = new TaskCompletionSource();

        var rebuild = _index.Index.RebuildAsync(Paused(halfway, resume, Articles.Make(1, headline: "旧标题"), Articles.Make(2, headline: "暴雨")));
        await halfway.Task;
        await _index.Index.IndexAsync([Articles.Make(1, headline: "新标题 火灾"), Articles.Make(5, headline: "火灾")]);
        await _index.Index.DeleteAsync([2]);
        resume.SetResult();
        await rebuild;

        Assert.Equal([1, 5], _index.Ids("火灾").Order());
        Assert.Empty(_index.Ids("暴雨"));
        Assert.Empty(_index.Ids("旧标题"));
    }

    [Fact]
    public async Task A_cancelled_rebuild_leaves_the_old_index()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "火灾")]);
        using var cancel = new CancellationTokenSource();
        var halfway = new TaskCompletionSource();
        var resume = new TaskCompletionSource();

        var rebuild = _index.Index.RebuildAsync(Paused(halfway, resume, Articles.Make(2, headline: "暴雨")), null, cancel.Token);
        await halfway.Task;
        await cancel.CancelAsync();
        resume.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rebuild);
        Assert.Equal([1], _index.Ids("火灾"));
        Assert.Empty(_index.Ids("暴雨"));
        Assert.Single(Directory.GetDirectories(_index.Folder));
    }

    [Fact]
    public async Task A_failing_source_leaves_the_old_index()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "火灾")]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _index.Index.RebuildAsync(Failing()));

        Assert.Equal([1], _index.Ids("火灾"));
        await _index.Index.IndexAsync([Articles.Make(2, headline: "火灾")]);
        Assert.Equal([1, 2], _index.Ids("火灾").Order());
    }

    [Fact]
    public async Task A_bad_article_fails_the_rebuild_without_hanging_and_leaves_the_old_index()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "火灾")]);
        var articles = Enumerable.Range(2, 2000).Select(i => i == 700 ? Articles.Make(i) with { PageLabel = "" } : Articles.Make(i, headline: "暴雨"));

        await Assert.ThrowsAsync<ArgumentException>(() => _index.Index.RebuildAsync(Stream(articles)).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal([1], _index.Ids("火灾"));
        Assert.Empty(_index.Ids("暴雨"));
    }

    [Fact]
    public async Task Two_rebuilds_at_once_are_refused()
    {
        var halfway = new TaskCompletionSource();
        var resume = new TaskCompletionSource();
        var first = _index.Index.RebuildAsync(Paused(halfway, resume, Articles.Make(1)));
        await halfway.Task;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _index.Index.RebuildAsync(Stream([])));

        resume.SetResult();
        await first;
    }

    [Fact]
    public async Task Rebuild_turns_a_damaged_index_back_into_a_working_one()
    {
        await _index.Index.IndexAsync([Articles.Make(1, headline: "火灾")]);
        _index.Reopen(path => File.Delete(Directory.GetFiles(path, "segments_*").Single()));
        Assert.Equal(IndexHealthStatus.Corrupt, _index.Index.HealthAtOpen.Status);

        await _index.Index.RebuildAsync(Stream([Articles.Make(1, headline: "火灾")]));

        Assert.Equal([1], _index.Ids("火灾"));
        Assert.True(SearchIndex.Check(_index.IndexPath).IsHealthy);
    }

    private static async IAsyncEnumerable<ArticleDocument> Stream(IEnumerable<ArticleDocument> articles)
    {
        foreach (var article in articles)
        {
            await Task.Yield();
            yield return article;
        }
    }

    private static async IAsyncEnumerable<ArticleDocument> Paused(TaskCompletionSource halfway, TaskCompletionSource resume, params ArticleDocument[] articles)
    {
        yield return articles[0];
        halfway.SetResult();
        await resume.Task;
        foreach (var article in articles.Skip(1))
        {
            yield return article;
        }
    }

    private static async IAsyncEnumerable<ArticleDocument> Failing()
    {
        await Task.Yield();
        yield return Articles.Make(7, headline: "暴雨");
        throw new InvalidOperationException("The database went away.");
    }

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, so the test sees every report before it asserts.</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
