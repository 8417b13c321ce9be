namespace Broadsheet.Web.Caching;

/// <summary>Invalidates through the page store's tags: every cached page of a publication carries <see cref="PublicationTag"/>.</summary>
internal sealed class PageCacheInvalidation(ReaderPageStore store, ILogger<PageCacheInvalidation> logger) : IReaderCache
{
    public const string SitemapTag = "sitemap";

    /// <summary>
    /// One tag per publication rather than per edition: a new edition changes the 上一期/下一期 links of its
    /// neighbours and the calendar, and publishing happens a few times a day at most.
    /// </summary>
    public static string PublicationTag(string slug) => "pub:" + slug;

    public Task InvalidateAsync(string slug, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        var dropped = store.Evict(PublicationTag(slug)) + store.Evict(SitemapTag);
        logger.LogInformation("{Count} cached reader pages of {Slug} dropped after a change to the edition of {Date}", dropped, slug, date);
        return Task.CompletedTask;
    }
}
