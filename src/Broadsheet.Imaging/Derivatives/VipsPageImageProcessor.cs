using Broadsheet.Core.Ports;
using Microsoft.Extensions.Options;
using NetVips;

namespace Broadsheet.Imaging.Derivatives;

/// <summary>Page images and deep-zoom tiles through libvips, which streams and keeps memory low.</summary>
internal sealed class VipsPageImageProcessor(IOptions<DerivativeOptions> options) : IPageImageProcessor
{
    private readonly DerivativeOptions _options = options.Value;

    public Task<IReadOnlyList<ImageDerivative>> CreateDerivativesAsync(string masterPath, string outputDirectory, CancellationToken cancellationToken = default) =>
        Task.Run(() => CreateDerivatives(masterPath, outputDirectory, cancellationToken), cancellationToken);

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

    public Task CreateTilesAsync(string masterPath, string outputDirectory, CancellationToken cancellationToken = default) =>
        Task.Run(
            () =>
            {
                Directory.CreateDirectory(outputDirectory);
                using var master = Image.NewFromFile(masterPath, access: Enums.Access.Sequential);
                // dzsave writes <dir>/tiles/info.json and <dir>/tiles/{region}/{size}/0/default.jpg.
                master.Dzsave(
                    Path.Combine(outputDirectory, "tiles"),
                    layout: Enums.ForeignDzLayout.Iiif3,
                    tileSize: _options.TileSize,
                    overlap: 0,
                    suffix: $".jpg[Q={_options.JpegQuality}]");

                // libvips leaves its own metadata beside the tiles; readers have no use for it.
                File.Delete(Path.Combine(outputDirectory, "tiles", "vips-properties.xml"));
            },
            cancellationToken);

    private IReadOnlyList<ImageDerivative> CreateDerivatives(string masterPath, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var made = new List<ImageDerivative>();

        // Decode the master once; each size is then resized from memory and saved twice (JPEG, WebP).
        using var decoded = Image.NewFromFile(masterPath, access: Enums.Access.Sequential);
        using var master = decoded.HasAlpha() ? decoded.Flatten(background: [255, 255, 255]) : decoded.Copy();
        using var inMemory = master.CopyMemory();
        foreach (var (size, width) in new[] { ("thumb", _options.ThumbnailWidth), ("page", _options.PageWidth), ("large", _options.LargeWidth) })
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var flat = inMemory.ThumbnailImage(width, height: width * 10, size: Enums.Size.Down).CopyMemory();

            var jpeg = Path.Combine(outputDirectory, $"{size}.jpg");
            flat.Jpegsave(jpeg, q: _options.JpegQuality, optimizeCoding: true, interlace: size != "thumb", keep: Enums.ForeignKeep.None);
            made.Add(new ImageDerivative(size, "jpeg", jpeg, flat.Width, flat.Height));

            var webp = Path.Combine(outputDirectory, $"{size}.webp");
            flat.Webpsave(webp, q: _options.WebpQuality, effort: 2, keep: Enums.ForeignKeep.None);
            made.Add(new ImageDerivative(size, "webp", webp, flat.Width, flat.Height));
        }

        return made;
    }
}
