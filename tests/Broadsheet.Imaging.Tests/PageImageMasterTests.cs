using Broadsheet.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace Broadsheet.Imaging.Tests;

/// <summary>Pages that come as images become masters like rendered PDF pages: the master width, upright, 8-bit, opaque.</summary>
public sealed class PageImageMasterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("broadsheet-vips-master-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider();

    [Theory]
    [InlineData("scan.png")]
    [InlineData("scan.jpg")]
    [InlineData("scan.tif")]
    public async Task A_small_scan_is_enlarged_to_the_master_width(string name)
    {
        var source = Path.Combine(_dir, name);
        using (var grey = Image.Black(600, 800).Linear([1.0], [200.0]).Cast(Enums.BandFormat.Uchar))
        {
            grey.WriteToFile(source);
        }

        var master = await Processor.CreateMasterAsync(source, 2000, Path.Combine(_dir, "out", name + ".png"));

        Assert.Equal((2000, 2667), (master.Width, master.Height));
        using var written = Image.NewFromFile(master.Path);
        Assert.Equal((2000, 2667, Enums.BandFormat.Uchar, false), (written.Width, written.Height, written.Format, written.HasAlpha()));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await File.ReadAllBytesAsync(master.Path))[..4]);
    }

    [Fact]
    public async Task A_16_bit_rgba_page_becomes_8_bit_opaque_srgb_and_a_large_one_shrinks()
    {
        var source = Path.Combine(_dir, "deep.png");
        using (var rgba = Image.Black(3000, 4000, bands: 4).Linear([1, 1, 1, 1], [40000, 20000, 10000, 0]).Cast(Enums.BandFormat.Ushort).Copy(interpretation: Enums.Interpretation.Rgb16))
        {
            rgba.WriteToFile(source);
        }

        var master = await Processor.CreateMasterAsync(source, 2000, Path.Combine(_dir, "deep-master.png"));

        using var written = Image.NewFromFile(master.Path);
        Assert.Equal((2000, 2667, 3, Enums.BandFormat.Uchar), (written.Width, written.Height, written.Bands, written.Format));
        // Fully transparent pixels are flattened onto white, as paper is.
        Assert.Equal([255.0, 255.0, 255.0], written.Getpoint(10, 10));
    }

    [Fact]
    public async Task A_photo_taken_sideways_is_turned_upright_by_its_exif_orientation()
    {
        var source = Path.Combine(_dir, "sideways.jpg");
        using (var image = Image.Black(800, 600).Linear([1.0], [128.0]).Cast(Enums.BandFormat.Uchar).Mutate(m => m.Set(GValue.GIntType, "orientation", 6)))
        {
            image.Jpegsave(source);
        }

        var master = await Processor.CreateMasterAsync(source, 1200, Path.Combine(_dir, "upright.png"));

        Assert.Equal((1200, 1600), (master.Width, master.Height));
    }

    private IPageImageProcessor Processor => _services.GetRequiredService<IPageImageProcessor>();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
