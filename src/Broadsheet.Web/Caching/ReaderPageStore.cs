using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Caching;

/// <summary>A rendered reader page as sent: body bytes and the headers that go with them.</summary>
internal sealed record CachedPage(
    byte[] Body, string ContentType, string? ETag, DateTimeOffset? LastModified, string CacheControl, string[] Tags, DateTimeOffset Expires);

/// <summary>
/// Rendered reader pages by URL path (pages with a query string are never kept), each with tags (<c>pub:{slug}</c>) to drop them by when an
/// edition changes. Bounded in bytes: when full, new pages are simply not kept until something is dropped.
/// </summary>
internal sealed class ReaderPageStore(IOptions<ReaderCacheOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, CachedPage> _pages = new(StringComparer.Ordinal);
    private long _bytes;

    public int Count => _pages.Count;

    public bool TryGet(string url, out CachedPage page)
    {
        if (_pages.TryGetValue(url, out page!) && page.Expires > clock.GetUtcNow())
        {
            return true;
        }

        if (page is not null && _pages.TryRemove(url, out var removed))
        {
            Interlocked.Add(ref _bytes, -removed.Body.Length);
        }

        page = null!;
        return false;
    }

    public void Add(string url, byte[] body, string contentType, string? etag, DateTimeOffset? lastModified, string cacheControl, IEnumerable<string> tags)
    {
        var limit = (long)options.Value.MaxMegabytes * 1024 * 1024;
        if (Interlocked.Read(ref _bytes) + body.Length > limit)
        {
            return;
        }

        var page = new CachedPage(body, contentType, etag, lastModified, cacheControl, [.. tags],
            clock.GetUtcNow().AddSeconds(options.Value.ServerSeconds));
        _pages.AddOrUpdate(
            url,
            _ =>
            {
                Interlocked.Add(ref _bytes, body.Length);
                return page;
            },
            (_, old) =>
            {
                Interlocked.Add(ref _bytes, body.Length - old.Body.Length);
                return page;
            });
    }

    /// <summary>Drops every page carrying <paramref name="tag"/>; returns how many.</summary>
    public int Evict(string tag)
    {
        var dropped = 0;
        foreach (var (url, page) in _pages)
        {
            if (Array.IndexOf(page.Tags, tag) >= 0 && _pages.TryRemove(new KeyValuePair<string, CachedPage>(url, page)))
            {
                Interlocked.Add(ref _bytes, -page.Body.Length);
                dropped++;
            }
        }

        return dropped;
    }
}
