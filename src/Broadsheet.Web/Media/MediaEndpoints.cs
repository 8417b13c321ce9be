using Broadsheet.Core.Ports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace Broadsheet.Web.Media;

/// <summary>
/// <c>/media/{key}</c>: page images, PDFs and other blobs. Keys are content-addressed, so a response never
/// changes and browsers and CDNs may keep it for a year.
/// </summary>
internal static class MediaEndpoints
{
    public const string Prefix = "/media";
    public const string CacheControl = "public, max-age=31536000, immutable";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IServiceCollection AddMedia(this IServiceCollection services) => services.AddSingleton<MediaMemory>();

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Prefix + "/{**key}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .WithName("Media")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, PhysicalFileHttpResult, FileStreamHttpResult, BadRequest, NotFound>> ServeAsync(
        string key, IBlobStore blobs, MediaMemory memory, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!MediaKey.IsValid(key))
        {
            return TypedResults.BadRequest();
        }

        var contentType = ContentTypes.TryGetContentType(key, out var type) ? type : "application/octet-stream";
        var path = blobs.TryGetLocalPath(key);
        if (path is not null && await memory.GetAsync(key, path, cancellationToken) is { } bytes)
        {
            SetCacheHeaders(response);
            return TypedResults.Bytes(bytes, contentType, enableRangeProcessing: true);
        }

        if (path is not null)
        {
            SetCacheHeaders(response);
            return TypedResults.PhysicalFile(path, contentType, enableRangeProcessing: true);
        }

        var stream = await blobs.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        SetCacheHeaders(response);
        return TypedResults.Stream(stream, contentType, enableRangeProcessing: stream.CanSeek);
    }

    private static void SetCacheHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = CacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
