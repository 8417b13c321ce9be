using Broadsheet.Core.Ports;

namespace Broadsheet.Web.Caching;

/// <summary>
/// Invalidates through the page store's tags: every cached page of a publication carries <see cref="PublicationTag"/>.
/// Where other web nodes share the database, they are told too (<see cref="IEditionNotices"/>, heard by <see cref="NoticeListener"/>).
/// </summary>
internal sealed class PageCacheInvalidation(ReaderPageStore store, IEditionNotices notices, ILogger<PageCacheInvalidation> logger) : IReaderCache
{
    public const string SitemapTag = "sitemap";

    /// <summary>
    /// One tag per publication rather than per edition: a new edition changes the 上一期/下一期 links of its
    /// neighbours and the calendar, and publishing happens a few times a day at most.
    /// </summary>
    public static string PublicationTag(string slug) => "pub:" + slug;

    public async Task InvalidateAsync(string slug, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        Drop(slug, date);
        if (!notices.Live)
        {
            return;
        }

        try
        {
            // Edition changes reach the other nodes through the outbox's trigger anyway; settings have no outbox row.
            await notices.SendAsync(new EditionRef(slug, date, 0), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is saved; the other nodes' stamp watchers will notice it within their poll.
            logger.LogWarning(e, "Could not tell the other web nodes that {Slug} changed", slug);
        }
    }

    /// <summary>Drops this node's cached pages of <paramref name="slug"/>.</summary>
    public void Drop(string slug, DateOnly date)
    {
        var dropped = store.Evict(PublicationTag(slug)) + store.Evict(SitemapTag);
        logger.LogInformation("{Count} cached reader pages of {Slug} dropped after a change to the edition of {Date}", dropped, slug, date);
    }
}
