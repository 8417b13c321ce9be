namespace Broadsheet.Core.Ports;

/// <summary>One image made from a page's raster: a size (thumb, page, large) in a format (jpeg, webp).</summary>
public sealed record ImageDerivative(string Size, string Format, string Path, int Width, int Height)
{
    public string ContentType => Format == "webp" ? "image/webp" : "image/jpeg";

    /// <summary>The file name the reader asks for, e.g. <c>page.webp</c> or <c>thumb.jpg</c>.</summary>
    public string FileName => $"{Size}.{(Format == "webp" ? "webp" : "jpg")}";
}

/// <summary>
/// Everything the reader shows of one page, written into one folder: the derivatives at its top
/// (<c>thumb.jpg</c>, <c>page.webp</c>, <c>large.jpg</c> …) and, when made, IIIF tiles under <c>tiles/</c>.
/// </summary>
/// <param name="Directory">The folder holding all of it; store it file by file under one key prefix.</param>
/// <param name="Derivatives">The sized images, each a file at the top of <paramref name="Directory"/>.</param>
/// <param name="HasTiles">Whether <c>tiles/info.json</c> and its tile tree were written.</param>
public sealed record PageImages(string Directory, IReadOnlyList<ImageDerivative> Derivatives, bool HasTiles)
{
    /// <summary>The largest JPEG: the page image for anyone who wants a single file.</summary>
    public ImageDerivative Largest => Derivatives.Where(d => d.Format == "jpeg").MaxBy(d => d.Width)
        ?? throw new InvalidOperationException("No JPEG derivative was made.");
}

/// <summary>
/// Where an article photo is taken from: the page's raster with the photo's place on it (normalised 0..1), and
/// the PDF's own image of the photo when one could be read out (a JPEG or PNG file), with the part of it that
/// shows on the page (normalised to that image). The raster is the fallback and the check: an embedded image
/// that does not look like what the page shows there is not used.
/// </summary>
public sealed record PhotoSource(string RasterPath, ImageCrop Area, string? EmbeddedPath = null, ImageCrop? EmbeddedArea = null);

/// <summary>An article photo's images (sizes thumb, page, large in JPEG and WebP, named as a page's are) in one folder.</summary>
/// <param name="Directory">The folder holding them.</param>
/// <param name="Derivatives">The images, each a file at the top of <paramref name="Directory"/>.</param>
/// <param name="FromEmbedded">Whether they were made from the PDF's own image rather than cut from the page raster.</param>
public sealed record PhotoImages(string Directory, IReadOnlyList<ImageDerivative> Derivatives, bool FromEmbedded)
{
    /// <summary>The largest JPEG.</summary>
    public ImageDerivative Largest => Derivatives.Where(d => d.Format == "jpeg").MaxBy(d => d.Width)
        ?? throw new InvalidOperationException("No JPEG of the photo was made.");
}

/// <summary>Makes the images the reader needs from a page's raster.</summary>
public interface IPageImageProcessor
{
    /// <summary>
    /// Decodes <paramref name="rasterPath"/> once and writes the thumbnail, page-width and large images in JPEG
    /// and WebP, and IIIF Image API 3 level-0 tiles (<c>tiles/info.json</c> and a tile tree), into
    /// <paramref name="outputDirectory"/>.
    /// </summary>
    Task<PageImages> CreatePageImagesAsync(string rasterPath, string outputDirectory, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decodes a page that came as an image (JPEG, PNG or TIFF) and writes it as the page's master: a PNG
    /// <paramref name="widthPx"/> wide (scaled up or down), upright, in 8-bit sRGB or grey without alpha, as
    /// the PDF rasteriser makes it. The caller has already checked the image's header dimensions.
    /// </summary>
    Task<RasterizedPage> CreateMasterAsync(string imagePath, int widthPx, string outputPath, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an article photo's images into <paramref name="outputDirectory"/>: from the PDF's embedded image
    /// when <paramref name="source"/> has one that matches the page, else cut from the page raster.
    /// </summary>
    Task<PhotoImages> CreatePhotoImagesAsync(PhotoSource source, string outputDirectory, CancellationToken cancellationToken = default);

    /// <summary>Turns a page image clockwise by <paramref name="degrees"/> (90, 180 or 270) into <paramref name="outputPath"/> (PNG).</summary>
    Task<RasterizedPage> TurnAsync(string imagePath, int degrees, string outputPath, CancellationToken cancellationToken = default);
}
