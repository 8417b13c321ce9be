using Broadsheet.Web.Published;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Web.Caching;

/// <summary>
/// Reader pages are rendered once and served from memory until their publication changes; browsers and CDNs
/// revalidate with <c>If-None-Match</c>/<c>If-Modified-Since</c> and get 304s.
/// </summary>
internal static class ReaderCaching
{
    public static IServiceCollection AddReaderCaching(this IServiceCollection services)
    {
        services.AddOptions<ReaderCacheOptions>()
            .BindConfiguration(ReaderCacheOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReaderPageStore>();
        services.AddSingleton<PageCacheInvalidation>();
        services.AddSingleton<IReaderCache>(provider => provider.GetRequiredService<PageCacheInvalidation>());
        services.AddHostedService<EditionStampWatcher>();
        services.AddHostedService<NoticeListener>();
        return services;
    }

    /// <summary>Puts the page cache first in the pipeline, so a cached page costs no routing or rendering.</summary>
    public static WebApplication UseReaderPageCache(this WebApplication app)
    {
        app.UseMiddleware<ReaderPageCacheMiddleware>();
        return app;
    }

    /// <summary>
    /// Marks the response as a reader page of <paramref name="slug"/> (for invalidation), sets its validators and
    /// caching headers, and says whether the client's copy is still good (the handler then answers 304).
    /// </summary>
    public static bool IsNotModified(HttpContext context, string slug, EditionStamp? stamp)
    {
        ArgumentNullException.ThrowIfNull(context);
        TagPublication(context, slug);
        if (stamp is null)
        {
            return false;
        }

        var etag = new EntityTagHeaderValue(stamp.ETag);
        var response = context.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = stamp.LastModified;
        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && stamp.LastModified <= since;
    }

    /// <summary>Lets the page cache keep the response, tagged for <see cref="IReaderCache.InvalidateAsync"/>, and sets how long clients may keep it.</summary>
    public static void TagPublication(HttpContext context, string slug)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Get<ReaderPageCacheFeature>()?.Tags.Add(PageCacheInvalidation.PublicationTag(slug));
        var seconds = context.RequestServices.GetRequiredService<IOptions<ReaderCacheOptions>>().Value.ClientSeconds;
        context.Response.Headers.CacheControl = seconds > 0 ? $"public, max-age={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "no-cache";
    }
}
