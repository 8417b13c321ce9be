using Broadsheet.Core.Ports;
using NetVips;

namespace Broadsheet.Imaging.Derivatives;

/// <summary>
/// An article photo's images: the PDF's own image where it is usable (the best copy the paper has), else the
/// photo's place cut from the page raster. Sizes thumb, page and large, in JPEG and WebP, as a page's images.
/// </summary>
internal sealed class VipsPhotoMaker(DerivativeOptions options)
{
    /// <summary>Both images are compared at this width: fine enough to tell pictures apart, coarse enough that sharpness does not count.</summary>
    private const int CompareWidth = 96;

    public PhotoImages Make(PhotoSource source, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        Directory.CreateDirectory(outputDirectory);
        using var raster = Image.NewFromFile(source.RasterPath);
        using var cut = Standard(Cut(raster, source.Area));
        using var embedded = source.EmbeddedPath is { } path ? TryEmbedded(path, source.EmbeddedArea, cut) : null;
        var chosen = embedded ?? cut;
        cancellationToken.ThrowIfCancellationRequested();

        var made = new List<ImageDerivative>();
        foreach (var (size, width) in new[] { ("large", options.LargeWidth), ("page", options.PhotoWidth), ("thumb", options.ThumbnailWidth) })
        {
            var jpeg = Path.Combine(outputDirectory, $"{size}.jpg");
            var webp = Path.Combine(outputDirectory, $"{size}.webp");
            if (chosen.Width <= width && made.Count > 0)
            {
                // Smaller than this size and the one before: the same pixels, so the same files (most photos are
                // narrower than both the large and the article width, and were encoded twice over).
                var (previousJpeg, previousWebp) = (made[^2], made[^1]);
                File.Copy(previousJpeg.Path, jpeg);
                File.Copy(previousWebp.Path, webp);
                made.Add(previousJpeg with { Size = size, Path = jpeg });
                made.Add(previousWebp with { Size = size, Path = webp });
                continue;
            }

            using var sized = chosen.Width <= width ? chosen.Copy() : chosen.ThumbnailImage(width, height: width * 10, size: Enums.Size.Down);
            sized.Jpegsave(jpeg, q: options.JpegQuality, optimizeCoding: true, interlace: size != "thumb", keep: Enums.ForeignKeep.None);
            made.Add(new ImageDerivative(size, "jpeg", jpeg, sized.Width, sized.Height));
            sized.Webpsave(webp, q: options.WebpQuality, effort: options.WebpEffort, keep: Enums.ForeignKeep.None);
            made.Add(new ImageDerivative(size, "webp", webp, sized.Width, sized.Height));
        }

        return new PhotoImages(outputDirectory, made, embedded is not null);
    }

    /// <summary>
    /// The embedded image (its visible part) in sRGB, or null when it cannot be read or does not look like the
    /// page. A CMYK JPEG is tried inverted too: libvips reads Adobe's inverted CMYK as Photoshop meant it, while
    /// a PDF may hold the same kind of stream with a Decode array that says otherwise.
    /// </summary>
    private Image? TryEmbedded(string path, ImageCrop? area, Image cut)
    {
        try
        {
            using var decoded = Image.NewFromFile(path);
            using var visible = area is null ? decoded.Copy() : Cut(decoded, area);
            var tries = visible.Interpretation == Enums.Interpretation.Cmyk ? new[] { false, true } : [false];
            foreach (var invert in tries)
            {
                var image = Standard(invert ? visible.Invert() : visible.Copy());
                if (image.Width >= 8 && image.Height >= 8 && LooksAlike(image, cut))
                {
                    return image;
                }

                image.Dispose();
            }

            return null;
        }
        catch (VipsException)
        {
            // A format libvips cannot read, a broken stream: the raster is there for that.
            return null;
        }
    }

    /// <summary>Same proportions (within a tenth) and, in grey at a small size, the same picture.</summary>
    private bool LooksAlike(Image embedded, Image cut)
    {
        var aspect = (double)embedded.Width / embedded.Height;
        var printed = (double)cut.Width / cut.Height;
        if (Math.Abs(aspect - printed) / printed > 0.1)
        {
            return false;
        }

        var width = Math.Min(CompareWidth, cut.Width);
        var height = Math.Max(1, (int)Math.Round(width / printed));
        using var a = Grey(embedded, width, height);
        using var b = Grey(cut, width, height);
        using var difference = (a - b).Abs();
        return difference.Avg() <= options.PhotoMismatch;
    }

    private static Image Grey(Image image, int width, int height)
    {
        using var grey = image.Colourspace(Enums.Interpretation.Bw);
        using var first = grey.Bands > 1 ? grey.ExtractBand(0) : grey.Copy();
        return first.Resize((double)width / first.Width, vscale: (double)height / first.Height);
    }

    /// <summary>The rectangle <paramref name="area"/> (normalised 0..1) of an image, at least one pixel.</summary>
    private static Image Cut(Image image, ImageCrop area)
    {
        var left = Math.Clamp((int)Math.Floor(area.Left * image.Width), 0, image.Width - 1);
        var top = Math.Clamp((int)Math.Floor(area.Top * image.Height), 0, image.Height - 1);
        var right = Math.Clamp((int)Math.Ceiling(area.Right * image.Width), left + 1, image.Width);
        var bottom = Math.Clamp((int)Math.Ceiling(area.Bottom * image.Height), top + 1, image.Height);
        return image.ExtractArea(left, top, right - left, bottom - top);
    }

    /// <summary>8-bit sRGB (or grey) without alpha, whatever the source was: CMYK, 16-bit, with a mask.</summary>
    private static Image Standard(Image image)
    {
        using (image)
        {
            using var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();
            var grey = flat.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16 || flat.Bands == 1;
            using var space = flat.Colourspace(grey ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb);
            return space.Format == Enums.BandFormat.Uchar ? space.CopyMemory() : space.Cast(Enums.BandFormat.Uchar).CopyMemory();
        }
    }
}
