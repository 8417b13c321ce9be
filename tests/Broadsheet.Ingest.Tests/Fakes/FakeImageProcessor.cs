using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Tests.Fakes;

/// <summary>
/// Writes a stand-in master per page image, and stand-in images (derived from the raster's bytes) and one tile
/// per page instead of running libvips, in the folder layout the real processor uses.
/// </summary>
internal sealed class FakeImageProcessor : IPageImageProcessor
{
    public async Task<PageImages> CreatePageImagesAsync(string rasterPath, string outputDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.Combine(outputDirectory, "tiles"));
        var raster = await File.ReadAllBytesAsync(rasterPath, cancellationToken);
        var large = Path.Combine(outputDirectory, "large.jpg");
        var thumb = Path.Combine(outputDirectory, "thumb.jpg");
        var page = Path.Combine(outputDirectory, "page.webp");
        await File.WriteAllBytesAsync(large, [.. "large"u8, .. raster], cancellationToken);
        await File.WriteAllBytesAsync(thumb, [.. "thumb"u8, .. raster], cancellationToken);
        await File.WriteAllBytesAsync(page, [.. "page"u8, .. raster], cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "tiles", "info.json"), "{}", cancellationToken);
        return new PageImages(outputDirectory, [new("large", "jpeg", large, 2000, 2828), new("thumb", "jpeg", thumb, 200, 283), new("page", "webp", page, 1000, 1414)], HasTiles: true);
    }

    /// <summary>Photos made by this fake, with the source each was made from.</summary>
    public System.Collections.Concurrent.ConcurrentBag<PhotoSource> Photos { get; } = [];

    public async Task<PhotoImages> CreatePhotoImagesAsync(PhotoSource source, string outputDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputDirectory);
        Photos.Add(source);
        var large = Path.Combine(outputDirectory, "large.jpg");
        await File.WriteAllTextAsync(large, source.Area.ToString(), cancellationToken);
        return new PhotoImages(outputDirectory, [new("large", "jpeg", large, 640, 480)], FromEmbedded: source.EmbeddedPath is not null);
    }

    public async Task<RasterizedPage> CreateMasterAsync(string imagePath, int widthPx, string outputPath, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        var image = await File.ReadAllBytesAsync(imagePath, cancellationToken);
        await File.WriteAllBytesAsync(outputPath, [.. "master"u8, .. image], cancellationToken);
        return new RasterizedPage(outputPath, widthPx, (int)Math.Round(widthPx * 1.5));
    }

    public async Task<RasterizedPage> TurnAsync(string imagePath, int degrees, string outputPath, CancellationToken cancellationToken = default)
    {
        var image = await File.ReadAllBytesAsync(imagePath, cancellationToken);
        await File.WriteAllBytesAsync(outputPath, [.. "turned"u8, .. image], cancellationToken);
        return new RasterizedPage(outputPath, 2828, 2000);
    }
}
