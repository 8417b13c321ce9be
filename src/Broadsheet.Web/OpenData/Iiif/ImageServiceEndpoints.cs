using Broadsheet.Core.Ports;
using Broadsheet.Web.Media;

namespace Broadsheet.Web.OpenData.Iiif;

/// <summary>
/// IIIF Image API 3 at compliance level 0: <c>/iiif/3/{derivatives}/info.json</c> and the tiles libvips cut at import
/// (<c>{region}/{size}/0/default.jpg</c>, exactly as the info's <c>tiles</c> lists them). Nothing is resized on
/// request; a region or size that was not cut is a 404, as level 0 allows.
/// </summary>
internal static class ImageServiceEndpoints
{
    public static IEndpointRouteBuilder MapIiifImages(this IEndpointRouteBuilder app)
    {
        app.MapMethods(IiifUrls.ImagePrefix + "/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string path, HttpContext context, ImageInfos infos, IBlobStore blobs, CancellationToken cancellationToken)
    {
        // Only page derivatives have tiles; nothing else in the blob store is reachable through here.
        if (!MediaKey.IsValid(path) || !path.StartsWith("pages/", StringComparison.Ordinal))
        {
            return IiifJson.NotFound(context, "There is no such image.");
        }

        if (path.EndsWith("/info.json", StringComparison.Ordinal))
        {
            var key = path[..^"/info.json".Length];
            if (await infos.FindAsync(key, cancellationToken) is not { } info)
            {
                return IiifJson.NotFound(context, "There is no such image.");
            }

            // libvips names a placeholder host; the service is where it is served, at the public origin.
            var document = info.Document.DeepClone().AsObject();
            document["id"] = Reader.ReaderMeta.Absolute(context.Request, IiifUrls.ImageService(key));
            return IiifJson.Document(context, document, IiifJson.ImageContext);
        }

        var segments = path.Split('/');
        if (segments.Length > 4 && segments[^2] == "0" && segments[^1] == "default.jpg")
        {
            var key = string.Join('/', segments[..^4]);
            var tile = string.Join('/', segments[^4..]);
            var stream = await blobs.OpenReadAsync($"{key}/tiles/{tile}", cancellationToken);
            if (stream is not null)
            {
                IiifJson.AllowAnyOrigin(context.Response);
                context.Response.Headers.CacheControl = MediaEndpoints.CacheControl;
                return TypedResults.Stream(stream, "image/jpeg");
            }
        }
        else if (await infos.FindAsync(path, cancellationToken) is not null)
        {
            // The base URI of an image service leads to its info (Image API 3, section 2.2).
            IiifJson.AllowAnyOrigin(context.Response);
            context.Response.Headers.Location = Reader.ReaderMeta.Absolute(context.Request, IiifUrls.ImageService(path) + "/info.json");
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }

        return IiifJson.NotFound(context, "There is no such tile: this service is level 0 and serves only the tiles its info.json lists.");
    }
}
