using Microsoft.Net.Http.Headers;

namespace Broadsheet.Web.Caching;

/// <summary>
/// Set on a request the page cache may keep: a handler that renders a reader page adds the tags to drop it by
/// (<see cref="ReaderCaching.TagPublication"/>); responses without tags are never kept.
/// </summary>
internal sealed class ReaderPageCacheFeature
{
    public List<string> Tags { get; } = [];
}

/// <summary>
/// The first thing in the pipeline: answers a GET for a cached reader page from memory (or with a 304) before
/// routing, localisation or rendering run; on a miss, records the rendered page if its handler tagged it.
/// ASP.NET Core's output cache does the same job with more generality and, measured on this app, at half
/// nginx's rate for a page; this does only what the reader needs (bench/README.md).
/// </summary>
internal sealed class ReaderPageCacheMiddleware(RequestDelegate next, ReaderPageStore store, Hosting.PublicOrigin origin, Metrics.BroadsheetMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // A reader page's URL has no query; one with a query (a search's marks, a tracking tag) is rendered for
        // that request alone, so made-up query strings can never fill the cache.
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !IsNeverCached(request.Path) && !request.QueryString.HasValue;
        // Keyed by path alone when absolute URLs come from the configured public origin; else by origin and path,
        // so no request header can change the page another reader gets.
        var key = cacheable ? origin.CacheKey(request) : null;
        if (key is not null && store.TryGet(key, out var page))
        {
            metrics.PageCacheHit();
            await ServeAsync(context, page);
            return;
        }

        // A hit is answered on whatever thread the request arrived on, the socket's own with InlineServing; the
        // rest (rendering, search, media, the desk) goes to the thread pool first, so it never holds that thread up.
        await Task.Yield();
        if (key is not null)
        {
            await RenderAndKeepAsync(context, key);
        }
        else
        {
            await next(context);
        }
    }

    /// <summary>Renders the page into a buffer, keeps it when its handler tagged it, and sends it.</summary>
    private async Task RenderAndKeepAsync(HttpContext context, string url)
    {
        var request = context.Request;
        var feature = new ReaderPageCacheFeature();
        context.Features.Set(feature);
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (feature.Tags.Count > 0)
        {
            // A reader page the cache did not have (a request for anything else is not a lookup).
            metrics.PageCacheMiss();
        }

        if (response.StatusCode == StatusCodes.Status200OK && feature.Tags.Count > 0 && HttpMethods.IsGet(request.Method)
            && !response.Headers.ContainsKey(HeaderNames.SetCookie) && response.ContentType is { } contentType
            && store.Add(url, buffer.ToArray(), contentType, response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                response.GetTypedHeaders().LastModified, response.Headers.CacheControl.ToString(), feature.Tags) is { } kept)
        {
            // The first reader of a page gets it as every later one will, compressed if their browser accepts it.
            await ServeAsync(context, kept);
            return;
        }

        if (buffer.Length > 0)
        {
            response.ContentLength ??= buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private static bool IsNeverCached(PathString path) =>
        path.StartsWithSegments("/media", StringComparison.Ordinal) || path.StartsWithSegments("/api", StringComparison.Ordinal)
        || path.StartsWithSegments("/desk", StringComparison.OrdinalIgnoreCase);

    private static Task ServeAsync(HttpContext context, CachedPage page)
    {
        // The hit path runs for nearly every reader request: headers go out as stored strings, nothing is
        // parsed or formatted unless the client sent a validator.
        var response = context.Response;
        var headers = response.Headers;
        headers.CacheControl = page.CacheControl;
        if (page.ETag is not null)
        {
            headers.ETag = page.ETag;
        }

        if (page.LastModifiedHeader is not null)
        {
            headers.LastModified = page.LastModifiedHeader;
        }

        if (IsNotModified(context.Request, page))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = page.ContentType;
        var body = page.Body;
        if (page.Compressed is { } compressed)
        {
            // Shared caches must keep one copy per coding.
            headers.Vary = HeaderNames.AcceptEncoding;
            if (context.Request.Headers.AcceptEncoding.Count > 0 && CompressedBodies.Negotiate(context.Request.GetTypedHeaders()) is { } coding)
            {
                body = coding == "br" ? compressed.Brotli : compressed.Gzip;
                headers.ContentEncoding = coding;
                headers.ETag = page.CompressedETag;
            }
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.BodyWriter.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static bool IsNotModified(HttpRequest request, CachedPage page)
    {
        var raw = request.Headers;
        if (raw.IfNoneMatch.Count == 0 && raw.IfModifiedSince.Count == 0)
        {
            return false;
        }

        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
        {
            return page.Validator is { } etag
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && page.LastModified is { } modified && modified <= since;
    }
}
