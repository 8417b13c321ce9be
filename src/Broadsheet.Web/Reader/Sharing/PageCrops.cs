using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Web.Reader;

/// <summary>
/// A rectangle of a page image as a JPEG blob of its own (a share card, a clip): made once from the page's large
/// image, stored under a key named by the source and the rectangle, so its <c>/media</c> URL never changes.
/// </summary>
internal static class PageCrops
{
    /// <summary>The large derivative, or the master raster of a page imported before derivatives existed.</summary>
    public static string? SourceOf(Page page) =>
        page.DerivativesKey is { Length: > 0 } prefix ? prefix + "/large.jpg" : page.ImageKey;

    /// <summary>The crop's blob key, made first when it is not there yet; null when the page image is missing.</summary>
    public static async Task<string?> GetOrMakeAsync(IBlobStore blobs, IImageCropper cropper, string folder, string source, ImageCrop crop, CancellationToken cancellationToken)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{source}|{crop.Left:0.#####}|{crop.Top:0.#####}|{crop.Right:0.#####}|{crop.Bottom:0.#####}|{crop.MaxWidth}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var key = $"{folder}/{hash[..2]}/{hash}.jpg";
        if (await blobs.ExistsAsync(key, cancellationToken))
        {
            return key;
        }

        var path = blobs.TryGetLocalPath(source);
        string? temporary = null;
        if (path is null || !File.Exists(path))
        {
            await using var stream = await blobs.OpenReadAsync(source, cancellationToken);
            if (stream is null)
            {
                return null;
            }

            temporary = Path.GetTempFileName();
            await using (var file = File.Create(temporary))
            {
                await stream.CopyToAsync(file, cancellationToken);
            }

            path = temporary;
        }

        try
        {
            var jpeg = await cropper.CropAsync(path, crop, cancellationToken);
            await blobs.PutAsync(key, new MemoryStream(jpeg), cancellationToken);
            return key;
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }
}
