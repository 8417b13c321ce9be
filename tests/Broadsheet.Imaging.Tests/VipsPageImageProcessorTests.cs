using System.Text.Json;
using Broadsheet.Core.Ports;
using Broadsheet.Imaging.Rasterizing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Imaging.Tests;

public sealed class VipsPageImageProcessorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("broadsheet-vips-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider();

    [Fact]
    public async Task Makes_three_sizes_in_jpeg_and_the_two_smaller_in_webp_keeping_the_aspect_ratio()
    {
        var master = await MasterAsync(2000);

        var images = await _services.GetRequiredService<IPageImageProcessor>().CreatePageImagesAsync(master, Path.Combine(_dir, "out"));
        var made = images.Derivatives;

        Assert.Equal(
            ["large.jpeg", "page.jpeg", "page.webp", "thumb.jpeg", "thumb.webp"],
            made.Select(d => $"{d.Size}.{d.Format}").Order(StringComparer.Ordinal));
        Assert.All(made, d => Assert.True(new FileInfo(d.Path).Length > 0));
        Assert.Equal(["large.jpg", "page.jpg", "page.webp", "thumb.jpg", "thumb.webp"], Directory.GetFiles(Path.Combine(_dir, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var page = made.First(d => d.Size == "page");
        Assert.Equal(1200, page.Width);
        Assert.InRange(page.Height, 1799, 1801);
        Assert.Equal(240, made.First(d => d.Size == "thumb").Width);
        Assert.Equal([0xFF, 0xD8], (await File.ReadAllBytesAsync(page.Path))[..2]);
        Assert.Equal("RIFF"u8.ToArray(), (await File.ReadAllBytesAsync(made.First(d => d.Format == "webp").Path))[..4]);
        Assert.All(made, d => Assert.Equal(Path.Combine(_dir, "out", d.FileName), d.Path));
        Assert.Equal("large.jpg", images.Largest.FileName);
        Assert.Equal(2000, images.Largest.Width);
    }

    [Fact]
    public async Task Never_upscales_a_small_master()
    {
        var master = await MasterAsync(800);
        var made = (await _services.GetRequiredService<IPageImageProcessor>().CreatePageImagesAsync(master, Path.Combine(_dir, "small"))).Derivatives;
        Assert.Equal(800, made.First(d => d.Size == "large").Width);
        Assert.Equal(240, made.First(d => d.Size == "thumb").Width);
    }

    [Fact]
    public async Task Writes_iiif3_tiles_with_an_info_json()
    {
        var master = await MasterAsync(2000);

        var images = await _services.GetRequiredService<IPageImageProcessor>().CreatePageImagesAsync(master, Path.Combine(_dir, "t"));

        Assert.True(images.HasTiles);
        var info = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "t", "tiles", "info.json"))).RootElement;
        Assert.Equal("http://iiif.io/api/image/3/context.json", info.GetProperty("@context").GetString());
        Assert.Equal(2000, info.GetProperty("width").GetInt32());
        var tiles = Directory.GetFiles(Path.Combine(_dir, "t"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir, f)).ToList();
        Assert.True(File.Exists(Path.Combine(_dir, "t", "tiles", "0,0,512,512", "512,512", "0", "default.jpg")), string.Join(" ", tiles.Take(20)));
        Assert.DoesNotContain(tiles, t => t.EndsWith(".xml", StringComparison.Ordinal));
        // Every level down to one tile: 2000 px wide in 512 px tiles is 4 columns at full size.
        Assert.True(File.Exists(Path.Combine(_dir, "t", "tiles", "1536,0,464,512", "464,512", "0", "default.jpg")), string.Join(" ", tiles.Take(20)));
    }

    [Fact]
    public async Task Leaves_out_the_tiles_when_told_to()
    {
        using var services = new ServiceCollection().AddBroadsheetImaging().Configure<Derivatives.DerivativeOptions>(o => o.Tiles = false).BuildServiceProvider();
        var master = await MasterAsync(600);

        var images = await services.GetRequiredService<IPageImageProcessor>().CreatePageImagesAsync(master, Path.Combine(_dir, "notiles"));

        Assert.False(images.HasTiles);
        Assert.False(Directory.Exists(Path.Combine(_dir, "notiles", "tiles")));
    }

    private async Task<string> MasterAsync(int width)
    {
        var pdf = Path.Combine(_dir, "page.pdf");
        TinyPdf.Write(pdf, 600, 900);
        var rasterizer = _services.GetRequiredService<IPageRasterizer>();
        return (await rasterizer.RasterizeAsync(pdf, 1, width, Path.Combine(_dir, $"master-{width}.ppm"))).Path;
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
