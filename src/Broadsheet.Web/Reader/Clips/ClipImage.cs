using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Web.Reader;

/// <summary>
/// <c>/{publication}/{date}/{page}/clip/{rect}.jpg</c>: a clip of a page as an image of its own, cut once from
/// the page's large image and stored, then redirected to its immutable <c>/media</c> URL.
/// </summary>
internal static class ClipImage
{
    /// <summary>A clip image is at most this wide: the large page image's full width.</summary>
    private const int MaxWidth = 2000;

    public static string Url(string pageUrl, ClipRect rect) => ReaderUrls.Clip(pageUrl, rect) + ".jpg";

    public static IEndpointRouteBuilder MapClipImages(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{publication:slug}/{date:edition}/{label:pagelabel}/clip/{rect}.jpg", [HttpMethods.Get, HttpMethods.Head], ImageAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ImageAsync(
        string publication, string date, string label, string rect,
        PublishedEditions editions, IBlobStore blobs, IImageCropper cropper, CancellationToken cancellationToken)
    {
        if (!ClipRect.TryParse(rect, out var clip)
            || !EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition
            || edition.FindPage(label) is not { } page
            || PageCrops.SourceOf(page.Page) is not { } source)
        {
            return TypedResults.NotFound();
        }

        var key = await PageCrops.GetOrMakeAsync(blobs, cropper, "clips", source, new ImageCrop(clip.X, clip.Y, clip.Right, clip.Bottom, MaxWidth), cancellationToken);
        return key is null ? TypedResults.NotFound() : TypedResults.Redirect(ReaderUrls.Media(key)!);
    }
}
