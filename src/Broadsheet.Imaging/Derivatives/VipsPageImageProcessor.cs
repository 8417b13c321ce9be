using Broadsheet.Core.Ports;
using Microsoft.Extensions.Options;
using NetVips;

namespace Broadsheet.Imaging.Derivatives;

/// <summary>
/// Page images and deep-zoom tiles through libvips. The raster is decoded once into memory (a 2000 px page is
/// about 17 MB); every size is resized from the next larger one, and the tiles are cut from the full size.
/// </summary>
internal sealed class VipsPageImageProcessor : IPageImageProcessor
{
    private readonly DerivativeOptions _options;

    public VipsPageImageProcessor(IOptions<DerivativeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        VipsWarnings.Silence();
        _options = options.Value;
    }

    public Task<PageImages> CreatePageImagesAsync(string rasterPath, string outputDirectory, CancellationToken cancellationToken = default) =>
        Task.Run(() => CreateAsync(rasterPath, outputDirectory, cancellationToken), cancellationToken);

    public Task<PhotoImages> CreatePhotoImagesAsync(PhotoSource source, string outputDirectory, CancellationToken cancellationToken = default) =>
        Task.Run(() => new VipsPhotoMaker(_options).Make(source, outputDirectory, cancellationToken), cancellationToken);

    public Task<RasterizedPage> CreateMasterAsync(string imagePath, int widthPx, string outputPath, CancellationToken cancellationToken = default) =>
        Task.Run(
            () =>
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 16);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);

                // thumbnail shrinks on load (JPEG), turns the page upright by its EXIF orientation and, with
                // size Both, also enlarges a small scan, so every master has the width the PDF path gives.
                using var scaled = Image.Thumbnail(imagePath, widthPx, height: widthPx * 100, size: Enums.Size.Both);
                using var opaque = scaled.HasAlpha() ? scaled.Flatten(background: [255, 255, 255]) : scaled.Copy();
                var space = opaque.Bands >= 3 ? Enums.Interpretation.Srgb : Enums.Interpretation.Bw;
                using var master = opaque.Colourspace(space);
                cancellationToken.ThrowIfCancellationRequested();
                master.Pngsave(outputPath, compression: 3, keep: Enums.ForeignKeep.None);
                return new RasterizedPage(outputPath, master.Width, master.Height);
            },
            cancellationToken);

    public Task<RasterizedPage> TurnAsync(string imagePath, int degrees, string outputPath, CancellationToken cancellationToken = default) =>
        Task.Run(
            () =>
            {
                var angle = degrees switch
                {
                    90 => Enums.Angle.D90,
                    180 => Enums.Angle.D180,
                    270 => Enums.Angle.D270,
                    _ => throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "A page turns by 90, 180 or 270 degrees."),
                };
                using var image = Image.NewFromFile(imagePath);
                using var turned = image.Rot(angle);
                cancellationToken.ThrowIfCancellationRequested();
                turned.Pngsave(outputPath, compression: 3, keep: Enums.ForeignKeep.None);
                return new RasterizedPage(outputPath, turned.Width, turned.Height);
            },
            cancellationToken);

    /// <summary>
    /// Decodes and resizes one after another (each size from the one before it), then runs the six encodes
    /// (three JPEGs, two WebPs, the tiles) side by side. Each libvips encoder works on one core; run in turn,
    /// the last page of an import kept one core busy for over a second while the other had nothing to do.
    /// The large size is a JPEG only: it is the page's single file for everyone who wants one (share cards,
    /// clips, IIIF, the API), and a WebP of it as well cost a quarter of each page's image time (bench/HISTORY,
    /// "Import speed") to save dense screens about a third of its bytes.
    /// </summary>
    private async Task<PageImages> CreateAsync(string rasterPath, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var made = new List<ImageDerivative>();
        var encodes = new List<Action>();

        using var decoded = Image.NewFromFile(rasterPath, access: Enums.Access.Sequential);
        using var flat = decoded.HasAlpha() ? decoded.Flatten(background: [255, 255, 255]) : decoded.Copy();
        using var full = flat.CopyMemory();

        // Largest first, so each smaller size shrinks the one before it rather than the full page again.
        var source = full;
        var sizes = new[] { ("large", _options.LargeWidth, false), ("page", _options.PageWidth, true), ("thumb", _options.ThumbnailWidth, true) };
        var owned = new List<Image>();
        try
        {
            foreach (var (size, width, webpToo) in sizes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var image = source.Width <= width ? source : source.ThumbnailImage(width, height: width * 10, size: Enums.Size.Down).CopyMemory();
                if (!ReferenceEquals(image, source))
                {
                    owned.Add(image);
                }

                var jpeg = Path.Combine(outputDirectory, $"{size}.jpg");
                // Optimised Huffman tables save about 3% of a JPEG's bytes and cost a full second pass over
                // it; on the large image (2.8 times the pixels of the page image, seldom downloaded) that pass
                // was the dearest JPEG step of an import.
                encodes.Add(() => image.Jpegsave(jpeg, q: _options.JpegQuality, optimizeCoding: size != "large", interlace: size == "page", keep: Enums.ForeignKeep.None));
                made.Add(new ImageDerivative(size, "jpeg", jpeg, image.Width, image.Height));

                if (webpToo)
                {
                    var webp = Path.Combine(outputDirectory, $"{size}.webp");
                    encodes.Add(() => image.Webpsave(webp, q: _options.WebpQuality, effort: _options.WebpEffort, keep: Enums.ForeignKeep.None));
                    made.Add(new ImageDerivative(size, "webp", webp, image.Width, image.Height));
                }

                source = image;
            }

            if (_options.Tiles)
            {
                encodes.Add(() => WriteTiles(full, Path.Combine(outputDirectory, "tiles")));
            }

            await Parallel.ForEachAsync(
                encodes,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                (encode, _) =>
                {
                    encode();
                    return ValueTask.CompletedTask;
                });
        }
        finally
        {
            owned.ForEach(i => i.Dispose());
        }

        return new PageImages(outputDirectory, made, _options.Tiles);
    }

    private void WriteTiles(Image full, string tilesDirectory)
    {
        // dzsave writes <tiles>/info.json and <tiles>/{region}/{size}/0/default.jpg: IIIF Image API 3, level 0.
        full.Dzsave(
            tilesDirectory,
            layout: Enums.ForeignDzLayout.Iiif3,
            tileSize: _options.TileSize,
            overlap: 0,
            suffix: $".jpg[Q={_options.JpegQuality}]");

        // libvips leaves its own metadata beside the tiles; readers have no use for it.
        File.Delete(Path.Combine(tilesDirectory, "vips-properties.xml"));
    }
}
