using Broadsheet.Web.Caching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Web.Tests;

public sealed class ReaderPageStoreTests
{
    private const int Kilobytes = 1024;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_full_cache_makes_room_for_a_new_page_by_dropping_the_least_recently_read()
    {
        var store = Store(megabytes: 1, seconds: 3600);
        for (var i = 0; i < 10; i++)
        {
            Add(store, $"/old/{i}", 100 * Kilobytes);
        }

        // Readers keep coming back to /old/0; the others were read once, long ago.
        Assert.True(store.TryGet("/old/0", out _));
        Add(store, "/today/01", 100 * Kilobytes);

        Assert.True(store.TryGet("/today/01", out _), "the new page was not kept");
        Assert.True(store.TryGet("/old/0", out _), "the page read most recently was dropped");
        Assert.False(store.TryGet("/old/1", out _), "the least recently read page is still there");
        Assert.True(store.Count <= 9, $"{store.Count} pages in a cache of 1 MB");
    }

    [Fact]
    public void Expired_pages_are_dropped_first()
    {
        var store = Store(megabytes: 1, seconds: 60);
        for (var i = 0; i < 9; i++)
        {
            Add(store, $"/stale/{i}", 100 * Kilobytes);
        }

        _clock.Advance(TimeSpan.FromMinutes(2));
        Add(store, "/fresh/1", 100 * Kilobytes);
        Add(store, "/fresh/2", 100 * Kilobytes);

        Assert.Equal(2, store.Count);
        Assert.True(store.TryGet("/fresh/1", out _));
        Assert.True(store.TryGet("/fresh/2", out _));
    }

    [Fact]
    public void A_page_larger_than_a_tenth_of_the_cache_is_never_kept_and_drops_nothing()
    {
        var store = Store(megabytes: 1, seconds: 3600);
        Add(store, "/small", 10 * Kilobytes);

        Add(store, "/huge", 200 * Kilobytes);

        Assert.False(store.TryGet("/huge", out _));
        Assert.True(store.TryGet("/small", out _));
    }

    private ReaderPageStore Store(int megabytes, int seconds) =>
        new(Options.Create(new ReaderCacheOptions { MaxMegabytes = megabytes, ServerSeconds = seconds }), _clock);

    private static void Add(ReaderPageStore store, string url, int bytes) =>
        store.Add(url, new byte[bytes], "text/html", null, null, "public, max-age=60", ["pub:test"]);
}
