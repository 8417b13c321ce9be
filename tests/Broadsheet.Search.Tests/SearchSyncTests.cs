using System.Runtime.CompilerServices;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Search.Tests;

/// <summary>The index following the database through the search feed: changes, withdrawals, rebuilds, damage.</summary>
public sealed class SearchSyncTests : IDisposable
{
    private readonly TempIndex _index = new();
    private readonly FakeFeed _feed = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task A_new_index_is_built_from_every_published_edition_and_the_feed_emptied()
    {
        _feed.Publish(Edition(new DateOnly(2026, 11, 1), (1, "调解纠纷的民警", "老民警调解邻里纠纷。")));
        _feed.Publish(Edition(new DateOnly(2026, 11, 2), (2, "图书馆新馆开放", "新馆藏书百万册。")));

        var result = await new SearchSync(_index.Index, _feed).EnsureCurrentAsync();

        Assert.True(result.Rebuilt);
        Assert.Equal([1], _index.Ids("调解"));
        Assert.Equal([2], _index.Ids("藏书"));
        Assert.Empty(_feed.Pending);
    }

    [Fact]
    public async Task Changes_are_applied_once_per_edition_and_then_forgotten()
    {
        var sync = new SearchSync(_index.Index, _feed);
        await sync.EnsureCurrentAsync();
        var day = new DateOnly(2026, 11, 3);
        _feed.Publish(Edition(day, (3, "第一稿", "初稿内容。")));
        _feed.Publish(Edition(day, (4, "更正后的标题", "更正后的内容。")));

        var result = await sync.CatchUpAsync();

        Assert.Equal(1, result.Editions);
        Assert.Empty(_index.Ids("初稿"));
        Assert.Equal([4], _index.Ids("更正"));
        Assert.Empty(_feed.Pending);
    }

    [Fact]
    public async Task A_withdrawn_edition_disappears_from_search()
    {
        var sync = new SearchSync(_index.Index, _feed);
        var day = new DateOnly(2026, 11, 4);
        _feed.Publish(Edition(day, (5, "撤回的报道", "这篇报道将被撤回。")));
        await sync.EnsureCurrentAsync();
        Assert.Equal([5], _index.Ids("撤回"));

        _feed.Withdraw(day);
        await sync.CatchUpAsync();

        Assert.Empty(_index.Ids("撤回"));
    }

    [Fact]
    public async Task An_article_is_numbered_as_the_reader_numbers_it_on_its_first_page()
    {
        var edition = Edition(new DateOnly(2026, 11, 5), (6, "头版导读", "导读。"), (7, "转版的长篇报道", "上接第一版的内容。"));
        var inner = edition.AddPage("02", "要闻", new PageSize(992, 1417));
        edition.Articles[1].AddRegion(inner, Polygon.Rectangle(0.1, 0.1, 0.9, 0.4));
        _feed.Publish(edition);

        await new SearchSync(_index.Index, _feed).EnsureCurrentAsync();

        var hit = Assert.Single(_index.Search("转版").Hits);
        Assert.Equal(("01", 2), (hit.PageLabel, hit.ArticleNumberOnPage));
    }

    [Fact]
    public async Task A_damaged_index_is_set_aside_at_open_and_rebuilt_from_the_database()
    {
        _feed.Publish(Edition(new DateOnly(2026, 11, 6), (8, "受损后重建", "索引损坏后从数据库重建。")));
        await new SearchSync(_index.Index, _feed).EnsureCurrentAsync();

        _index.Reopen(path => File.Delete(Directory.GetFiles(path, "segments_*").Single()));
        Assert.True(_index.Index.HealthAtOpen.NeedsRebuild);
        Assert.Empty(_index.Ids("重建"));

        var result = await new SearchSync(_index.Index, _feed).EnsureCurrentAsync();

        Assert.True(result.Rebuilt);
        Assert.Equal([8], _index.Ids("重建"));
    }

    [Fact]
    public void A_second_owner_of_the_same_index_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<SearchIndexInUseException>(() => new SearchIndex(_index.IndexPath));

        Assert.Contains(_index.IndexPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
        // The owner keeps working.
        Assert.Equal(0, _index.Index.DocumentCount);
    }

    private static Edition Edition(DateOnly date, params (int Id, string Headline, string Body)[] articles)
    {
        var publication = new Publication("binjiang", "滨江日报");
        var edition = new Edition(publication, date);
        var page = edition.AddPage("01", "头版", new PageSize(992, 1417));
        var top = 0.05;
        foreach (var (id, headline, body) in articles)
        {
            var article = edition.AddArticle(new ArticleContent { Headline = headline, Paragraphs = [body] });
            article.AddRegion(page, Polygon.Rectangle(0.05, top, 0.95, top + 0.2));
            typeof(Article).GetProperty(nameof(Article.Id))!.SetValue(article, id);
            top += 0.25;
        }

        edition.Publish(DateTimeOffset.UnixEpoch);
        return edition;
    }

    /// <summary>The database as the feed shows it: published editions, and a change recorded with every save.</summary>
    private sealed class FakeFeed : ISearchFeed
    {
        private readonly Dictionary<EditionRef, Edition> _published = [];
        private readonly List<EditionChange> _pending = [];
        private long _lastId;

        public IReadOnlyList<EditionChange> Pending => _pending;

        public void Publish(Edition edition)
        {
            var key = new EditionRef(edition.Publication.Slug, edition.Date, edition.Number);
            _published[key] = edition;
            _pending.Add(new EditionChange(++_lastId, key));
        }

        public void Withdraw(DateOnly date)
        {
            var key = _published.Keys.Single(k => k.Date == date);
            _published.Remove(key);
            _pending.Add(new EditionChange(++_lastId, key));
        }

        public Task<IReadOnlyList<EditionChange>> PendingAsync(int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<EditionChange>>([.. _pending.Take(max)]);

        public Task<long> LatestChangeIdAsync(CancellationToken cancellationToken = default) => Task.FromResult(_lastId);

        public Task MarkDoneAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default)
        {
            var done = ids.ToHashSet();
            _pending.RemoveAll(c => done.Contains(c.Id));
            return Task.CompletedTask;
        }

        public Task MarkDoneThroughAsync(long id, CancellationToken cancellationToken = default)
        {
            _pending.RemoveAll(c => c.Id <= id);
            return Task.CompletedTask;
        }

        public Task<Edition?> FindPublishedAsync(EditionRef edition, CancellationToken cancellationToken = default) =>
            Task.FromResult(_published.GetValueOrDefault(edition));

        public Task<int> CountPublishedArticlesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(_published.Values.Sum(e => e.Articles.Count));

        public async IAsyncEnumerable<Edition> AllPublishedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (var edition in _published.Values.ToList())
            {
                yield return edition;
            }
        }
    }
}
