using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Web.Caching;

/// <summary>A rendered reader page as sent: body bytes and the headers that go with them.</summary>
internal sealed record CachedPage(
    byte[] Body, CompressedBodies? Compressed, string ContentType, string? ETag, DateTimeOffset? LastModified, string CacheControl,
    string[] Tags, DateTimeOffset Expires)
{
    /// <summary>What the page holds in memory, its compressed forms included.</summary>
    public long Size => Body.Length + (Compressed?.Length ?? 0);

    /// <summary>
    /// The ETag of a compressed form: weak, as nginx makes it, since its bytes differ from the identity form's while
    /// the page is the same; <c>If-None-Match</c> compares weakly, so either form's tag revalidates.
    /// </summary>
    public string? CompressedETag { get; } = ETag is null || ETag.StartsWith("W/", StringComparison.Ordinal) ? ETag : "W/" + ETag;

    /// <summary>The <c>Last-Modified</c> header as sent, formatted once rather than on every hit.</summary>
    public string? LastModifiedHeader { get; } = LastModified is { } modified ? HeaderUtilities.FormatDate(modified) : null;

    /// <summary>The ETag parsed once, for comparing with <c>If-None-Match</c>.</summary>
    public EntityTagHeaderValue? Validator { get; } = ETag is not null && EntityTagHeaderValue.TryParse(ETag, out var etag) ? etag : null;
}

/// <summary>
/// Rendered reader pages by URL path (pages with a query string are never kept), each with tags (<c>pub:{slug}</c>) to drop them by when an
/// edition changes. Bounded in bytes: when a new page does not fit, expired pages go first and then the least recently
/// read, down to nine tenths of the limit, so today's edition always finds room in an archive of decades.
/// </summary>
internal sealed class ReaderPageStore(IOptions<ReaderCacheOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _pages = new(StringComparer.Ordinal);
    private readonly Lock _room = new();
    private long _bytes;
    private long _reads;

    public int Count => _pages.Count;

    public bool TryGet(string url, out CachedPage page)
    {
        if (_pages.TryGetValue(url, out var entry) && entry.Page.Expires > clock.GetUtcNow())
        {
            // A counter, not the clock: only the order of reads matters, and it costs one increment.
            entry.LastRead = Interlocked.Increment(ref _reads);
            page = entry.Page;
            return true;
        }

        if (entry is not null && _pages.TryRemove(new KeyValuePair<string, Entry>(url, entry)))
        {
            Interlocked.Add(ref _bytes, -entry.Page.Size);
        }

        page = null!;
        return false;
    }

    /// <summary>
    /// Keeps a rendered page, compressing a text body once for the clients that accept it; returns the page as kept,
    /// or null when it is too large to keep.
    /// </summary>
    public CachedPage? Add(string url, byte[] body, string contentType, string? etag, DateTimeOffset? lastModified, string cacheControl, IEnumerable<string> tags)
    {
        var limit = (long)options.Value.MaxMegabytes * 1024 * 1024;
        if (body.Length > limit / 10)
        {
            return null;
        }

        var page = new CachedPage(body, CompressedBodies.For(body, contentType), contentType, etag, lastModified, cacheControl, [.. tags],
            clock.GetUtcNow().AddSeconds(options.Value.ServerSeconds));
        if (Interlocked.Read(ref _bytes) + page.Size > limit)
        {
            MakeRoom(limit - (limit / 10) - page.Size);
        }

        var entry = new Entry(page, Interlocked.Increment(ref _reads));
        _pages.AddOrUpdate(
            url,
            _ =>
            {
                Interlocked.Add(ref _bytes, page.Size);
                return entry;
            },
            (_, old) =>
            {
                Interlocked.Add(ref _bytes, page.Size - old.Page.Size);
                return entry;
            });
        return page;
    }

    /// <summary>Drops every page carrying <paramref name="tag"/>; returns how many.</summary>
    public int Evict(string tag)
    {
        var dropped = 0;
        foreach (var (url, entry) in _pages)
        {
            if (Array.IndexOf(entry.Page.Tags, tag) >= 0 && Remove(url, entry))
            {
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>Drops every page (after notices of changes may have been missed); returns how many.</summary>
    public int Clear()
    {
        var dropped = 0;
        foreach (var (url, entry) in _pages)
        {
            if (Remove(url, entry))
            {
                dropped++;
            }
        }

        return dropped;
    }

    private void MakeRoom(long target)
    {
        // One sweep at a time; the others find the room made and go on.
        lock (_room)
        {
            if (Interlocked.Read(ref _bytes) <= target)
            {
                return;
            }

            var now = clock.GetUtcNow();
            foreach (var (url, entry) in _pages)
            {
                if (entry.Page.Expires <= now)
                {
                    Remove(url, entry);
                }
            }

            foreach (var (url, entry) in _pages.OrderBy(p => p.Value.LastRead).ToList())
            {
                if (Interlocked.Read(ref _bytes) <= target)
                {
                    break;
                }

                Remove(url, entry);
            }
        }
    }

    private bool Remove(string url, Entry entry)
    {
        if (!_pages.TryRemove(new KeyValuePair<string, Entry>(url, entry)))
        {
            return false;
        }

        Interlocked.Add(ref _bytes, -entry.Page.Size);
        return true;
    }

    private sealed class Entry(CachedPage page, long lastRead)
    {
        public CachedPage Page { get; } = page;

        public long LastRead { get; set; } = lastRead;
    }
}
