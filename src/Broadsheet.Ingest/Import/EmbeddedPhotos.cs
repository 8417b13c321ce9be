using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// Finds, for each article photo found on a page, the image the PDF draws there and writes its bytes to a file:
/// a JPEG as the PDF holds it (DCT streams are JPEG files), anything else PdfPig can decode as PNG. Which
/// part of the image shows on the page is kept too, for a photo the typesetter cropped with a clip.
/// </summary>
internal static class EmbeddedPhotos
{
    /// <summary>The photo must lie in the image's placement by at least this share of its own area …</summary>
    private const double Inside = 0.9;

    /// <summary>… and cover at least this share of the image's placement (a tiny crop of a big image is not worth it).</summary>
    private const double Covering = 0.3;

    /// <summary>
    /// Writes the embedded image of each photo in <paramref name="photos"/> that has one into <paramref name="folder"/>,
    /// and says where each went. A page whose images PdfPig cannot give has none: the raster is the fallback.
    /// </summary>
    /// <param name="page">The page as PdfPig read it for its text (its document still open).</param>
    public static Dictionary<Polygon, (string Path, ImageCrop? Area)> Extract(UglyToad.PdfPig.Content.Page page, IReadOnlyCollection<Polygon> photos, string folder)
    {
        ArgumentNullException.ThrowIfNull(page);
        var found = new Dictionary<Polygon, (string, ImageCrop?)>();
        if (photos.Count == 0)
        {
            return found;
        }

        try
        {
            var crop = page.CropBox.Bounds;
            var images = page.GetImages().Where(i => !i.IsImageMask).Select(i => (Image: i, Box: Normalise(i.BoundingBox, crop))).ToList();
            Directory.CreateDirectory(folder);
            foreach (var (photo, index) in photos.Select((p, i) => (p, i)))
            {
                var box = photo.Bounds;
                var best = images
                    .Select(i => (i.Image, i.Box, Overlap: Intersection(box, i.Box)))
                    .Where(i => i.Overlap >= Inside * Area(box) && i.Overlap >= Covering * Area(i.Box))
                    .OrderByDescending(i => i.Overlap)
                    .FirstOrDefault();
                if (best.Image is null || Write(best.Image, Path.Combine(folder, $"photo-{index}")) is not { } path)
                {
                    continue;
                }

                found[photo] = (path, Within(box, best.Box));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig read the page's text already; whatever trips it here only costs the photos their best copy.
        }

        return found;
    }

    /// <summary>The image's bytes as a file (.jpg or .png), or null when PdfPig cannot give them in a form libvips reads.</summary>
    private static string? Write(IPdfImage image, string stem)
    {
        if (IsJpeg(image))
        {
            var jpeg = stem + ".jpg";
            File.WriteAllBytes(jpeg, image.RawMemory.ToArray());
            return jpeg;
        }

        if (image.TryGetPng(out var png))
        {
            var file = stem + ".png";
            File.WriteAllBytes(file, png);
            return file;
        }

        return null;
    }

    /// <summary>
    /// A stream whose only filter is DCTDecode is a JPEG file as it stands. A Decode array may invert its colours
    /// (Adobe CMYK JPEGs come with one); libvips reads such files as Photoshop meant them, and the photo maker
    /// checks the result against the page in any case.
    /// </summary>
    private static bool IsJpeg(IPdfImage image)
    {
        if (!image.ImageDictionary.TryGet(NameToken.Filter, out var filter))
        {
            return false;
        }

        return filter switch
        {
            NameToken name => name.Equals(NameToken.DctDecode) || name.Equals(NameToken.DctDecodeAbbreviation),
            ArrayToken { Length: 1 } array => array[0] is NameToken only && (only.Equals(NameToken.DctDecode) || only.Equals(NameToken.DctDecodeAbbreviation)),
            _ => false,
        };
    }

    /// <summary>A placement in PDF points as left, top, right, bottom normalised to the crop box, top-left origin.</summary>
    private static (double Left, double Top, double Right, double Bottom) Normalise(PdfRectangle r, PdfRectangle crop) =>
        ((Math.Min(r.Left, r.Right) - crop.Left) / crop.Width,
         (crop.Top - Math.Max(r.Top, r.Bottom)) / crop.Height,
         (Math.Max(r.Left, r.Right) - crop.Left) / crop.Width,
         (crop.Top - Math.Min(r.Top, r.Bottom)) / crop.Height);

    /// <summary>Where <paramref name="inner"/> lies within <paramref name="outer"/>, normalised to <paramref name="outer"/>; null when it is all of it.</summary>
    private static ImageCrop? Within((double Left, double Top, double Right, double Bottom) inner, (double Left, double Top, double Right, double Bottom) outer)
    {
        var width = outer.Right - outer.Left;
        var height = outer.Bottom - outer.Top;
        var left = Math.Clamp((inner.Left - outer.Left) / width, 0, 1);
        var top = Math.Clamp((inner.Top - outer.Top) / height, 0, 1);
        var right = Math.Clamp((inner.Right - outer.Left) / width, 0, 1);
        var bottom = Math.Clamp((inner.Bottom - outer.Top) / height, 0, 1);
        const double Whole = 0.01;
        return left < Whole && top < Whole && right > 1 - Whole && bottom > 1 - Whole
            ? null
            : new ImageCrop(left, top, right, bottom, int.MaxValue);
    }

    private static double Area((double Left, double Top, double Right, double Bottom) box) =>
        Math.Max(0, box.Right - box.Left) * Math.Max(0, box.Bottom - box.Top);

    private static double Intersection((double Left, double Top, double Right, double Bottom) a, (double Left, double Top, double Right, double Bottom) b) =>
        Area((Math.Max(a.Left, b.Left), Math.Max(a.Top, b.Top), Math.Min(a.Right, b.Right), Math.Min(a.Bottom, b.Bottom)));
}
