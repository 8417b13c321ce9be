namespace Broadsheet.Core.Ports;

/// <summary>One image made from a page's master raster: a size (thumb, page, large) in a format (jpeg, webp).</summary>
public sealed record ImageDerivative(string Size, string Format, string Path, int Width, int Height)
{
    public string ContentType => Format == "webp" ? "image/webp" : "image/jpeg";
}

/// <summary>Makes the images the reader needs from a page's master raster.</summary>
public interface IPageImageProcessor
{
    /// <summary>Writes the thumbnail, page-width and large images, in JPEG and WebP, into <paramref name="outputDirectory"/>.</summary>
    Task<IReadOnlyList<ImageDerivative>> CreateDerivativesAsync(string masterPath, string outputDirectory, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decodes a page that came as an image (JPEG, PNG or TIFF) and writes it as the page's master: a PNG
    /// <paramref name="widthPx"/> wide (scaled up or down), upright, in 8-bit sRGB or grey without alpha, as
    /// the PDF rasteriser makes it. The caller has already checked the image's header dimensions.
    /// </summary>
    Task<RasterizedPage> CreateMasterAsync(string imagePath, int widthPx, string outputPath, CancellationToken cancellationToken = default);

    /// <summary>Writes IIIF Image API 3 level-0 tiles (info.json and a tile tree) into <paramref name="outputDirectory"/>.</summary>
    Task CreateTilesAsync(string masterPath, string outputDirectory, CancellationToken cancellationToken = default);
}
