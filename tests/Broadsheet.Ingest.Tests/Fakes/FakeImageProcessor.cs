using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Tests.Fakes;

/// <summary>Writes a stand-in master per page image and two stand-in derivatives per master (derived from their bytes) instead of running libvips.</summary>
internal sealed class FakeImageProcessor : IPageImageProcessor
{
    public async Task<IReadOnlyList<ImageDerivative>> CreateDerivativesAsync(string masterPath, string outputDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputDirectory);
        var master = await File.ReadAllBytesAsync(masterPath, cancellationToken);
        var thumb = Path.Combine(outputDirectory, "thumb.jpg");
        var page = Path.Combine(outputDirectory, "page.webp");
        await File.WriteAllBytesAsync(thumb, [.. "thumb"u8, .. master], cancellationToken);
        await File.WriteAllBytesAsync(page, [.. "page"u8, .. master], cancellationToken);
        return [new("thumb", "jpeg", thumb, 200, 283), new("page", "webp", page, 1000, 1414)];
    }

    public async Task<RasterizedPage> CreateMasterAsync(string imagePath, int widthPx, string outputPath, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        var image = await File.ReadAllBytesAsync(imagePath, cancellationToken);
        await File.WriteAllBytesAsync(outputPath, [.. "master"u8, .. image], cancellationToken);
        return new RasterizedPage(outputPath, widthPx, (int)Math.Round(widthPx * 1.5));
    }

    public Task CreateTilesAsync(string masterPath, string outputDirectory, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
