using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Web.Caching;

/// <summary>Invalidates through the output cache's tags: every cached page of a publication carries <see cref="PublicationTag"/>.</summary>
internal sealed class OutputReaderCache(IOutputCacheStore store, ILogger<OutputReaderCache> logger) : IReaderCache
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
        await store.EvictByTagAsync(PublicationTag(slug), cancellationToken);
        await store.EvictByTagAsync(SitemapTag, cancellationToken);
        logger.LogInformation("Reader pages of {Slug} dropped from the cache after a change to the edition of {Date}", slug, date);
    }
}
