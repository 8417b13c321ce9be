using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Import;

/// <summary>An article photo's images as stored: their key prefix and the size of the largest.</summary>
internal sealed record StoredPhoto(string Key, int Width, int Height);

/// <summary>
/// Makes each article photo of a page its own images, inside the page's images folder (<c>photos/{id}/</c>), so
/// they are stored, named and taken back with the page's: an article's first view no longer downloads the
/// whole page image to show one photo.
/// </summary>
internal static class PagePhotos
{
    /// <summary>The photos on the page: detection's and, for pages the manifest describes, the manifest's.</summary>
    public static IReadOnlyList<Polygon> Of(IEnumerable<Detection.DetectedArticle> articles, IEnumerable<Polygon> given) =>
        [.. articles.SelectMany(a => a.Images).Select(i => i.Polygon).Concat(given).Distinct()];

    /// <summary>
    /// Writes the images of every photo into <c>{imagesFolder}/photos/{id}</c> and returns, per photo, that folder
    /// relative to <paramref name="imagesFolder"/> with the largest image's size. A photo whose images cannot be
    /// made is left out: the reader then shows it cut from the page image, as before photos had their own.
    /// </summary>
    public static async Task<Dictionary<Polygon, StoredPhoto>> MakeAsync(
        IPageImageProcessor images,
        string rasterPath,
        IReadOnlyList<Polygon> photos,
        IReadOnlyDictionary<Polygon, (string Path, ImageCrop? Area)> embedded,
        string imagesFolder,
        int largeWidth,
        CancellationToken cancellationToken)
    {
        // As many at a time as there are cores: a page's photos are the last work of its import, and of the
        // edition's last page they were made one after another while the other core had nothing left to do. Two
        // photos whose outlines print alike would share a folder, so each folder is made once.
        var made = new StoredPhoto?[photos.Count];
        var ids = photos.Select(Id).ToList();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, photos.Count).Where(i => ids.IndexOf(ids[i]) == i),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var photo = photos[i];
                var (left, top, right, bottom) = photo.Bounds;
                if (right - left < 0.005 || bottom - top < 0.005)
                {
                    return;
                }

                var relative = "photos/" + ids[i];
                var source = embedded.TryGetValue(photo, out var own)
                    ? new PhotoSource(rasterPath, new ImageCrop(left, top, right, bottom, largeWidth), own.Path, own.Area)
                    : new PhotoSource(rasterPath, new ImageCrop(left, top, right, bottom, largeWidth));
                try
                {
                    var result = await images.CreatePhotoImagesAsync(source, Path.Combine(imagesFolder, relative), ct);
                    made[i] = new StoredPhoto(relative, result.Largest.Width, result.Largest.Height);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // One bad photo costs only its own images.
                }
            });

        var stored = new Dictionary<Polygon, StoredPhoto>();
        for (var i = 0; i < photos.Count; i++)
        {
            if (made[ids.IndexOf(ids[i])] is { } photo)
            {
                stored[photos[i]] = photo;
            }
        }

        return stored;
    }

    private static string Id(Polygon photo) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(photo.ToString())))[..16];

    /// <summary>The photos' keys once the page's images folder is stored under <paramref name="imagesKey"/>.</summary>
    public static IReadOnlyDictionary<Polygon, StoredPhoto> Under(string imagesKey, Dictionary<Polygon, StoredPhoto> photos) =>
        photos.ToDictionary(p => p.Key, p => p.Value with { Key = string.Create(CultureInfo.InvariantCulture, $"{imagesKey}/{p.Value.Key}") });
}
