using Broadsheet.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace Broadsheet.Imaging.Tests;

/// <summary>
/// An article photo's own images: made from the PDF's embedded image when it shows what the page shows, else cut
/// from the page raster. The page here is a raster with a 900 x 600 picture printed 450 x 300 at (100, 200).
/// </summary>
public sealed class PhotoImagesTests : IDisposable
{
    private const int PageWidth = 1000;
    private const int PageHeight = 1400;
    private static readonly ImageCrop Printed = new(100.0 / PageWidth, 200.0 / PageHeight, 550.0 / PageWidth, 500.0 / PageHeight, 2000);

    private readonly string _dir = Directory.CreateTempSubdirectory("broadsheet-photos-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_embedded_picture_is_used_at_its_own_size_in_every_size_and_format()
    {
        var raster = Raster();
        var embedded = Save(Picture(), "embedded.jpg");

        var photo = await MakeAsync(new PhotoSource(raster, Printed, embedded));

        Assert.True(photo.FromEmbedded);
        Assert.Equal(
            ["large.jpeg", "large.webp", "page.jpeg", "page.webp", "thumb.jpeg", "thumb.webp"],
            photo.Derivatives.Select(d => $"{d.Size}.{d.Format}").Order(StringComparer.Ordinal));
        Assert.Equal((900, 600), (photo.Largest.Width, photo.Largest.Height));
        Assert.Equal(800, photo.Derivatives.First(d => d.Size == "page").Width);
        Assert.Equal(240, photo.Derivatives.First(d => d.Size == "thumb").Width);
        Assert.All(photo.Derivatives, d => Assert.Equal(Path.Combine(photo.Directory, d.FileName), d.Path));
        Assert.Equal("RIFF"u8.ToArray(), (await File.ReadAllBytesAsync(photo.Derivatives.First(d => d.Format == "webp").Path))[..4]);
    }

    [Fact]
    public async Task A_photo_narrower_than_the_article_width_is_the_same_file_at_the_large_and_the_page_size()
    {
        var photo = await MakeAsync(new PhotoSource(Raster(), Printed));

        var large = photo.Derivatives.Where(d => d.Size == "large").OrderBy(d => d.Format, StringComparer.Ordinal).ToList();
        var page = photo.Derivatives.Where(d => d.Size == "page").OrderBy(d => d.Format, StringComparer.Ordinal).ToList();
        Assert.Equal(["jpeg", "webp"], page.Select(d => d.Format));
        Assert.Equal(large.Select(d => (d.Width, d.Height)), page.Select(d => (d.Width, d.Height)));
        Assert.Equal(large.Select(d => File.ReadAllBytes(d.Path)), page.Select(d => File.ReadAllBytes(d.Path)));
        Assert.All(page, d => Assert.Equal(Path.Combine(photo.Directory, d.FileName), d.Path));
        Assert.Equal(240, photo.Derivatives.Single(d => d.Size == "thumb" && d.Format == "webp").Width);
    }

    [Fact]
    public async Task A_negative_of_the_picture_is_not_used_and_the_page_is_cut_instead()
    {
        var raster = Raster();
        using var picture = Picture();
        using var negative = picture.Invert();
        var embedded = Save(negative, "negative.jpg");

        var photo = await MakeAsync(new PhotoSource(raster, Printed, embedded));

        Assert.False(photo.FromEmbedded);
        Assert.Equal(450, photo.Largest.Width);
        Assert.InRange(photo.Largest.Height, 299, 301);
        Assert.Equal(240, photo.Derivatives.First(d => d.Size == "thumb").Width);
    }

    [Fact]
    public async Task Another_picture_in_the_same_place_is_not_used()
    {
        var raster = Raster();
        using var picture = Picture();
        using var other = picture.FlipHor();
        var embedded = Save(other, "other.jpg");

        var photo = await MakeAsync(new PhotoSource(raster, Printed, embedded));

        Assert.False(photo.FromEmbedded);
    }

    [Fact]
    public async Task A_picture_the_page_shows_only_part_of_is_cut_to_that_part()
    {
        // The page shows the picture's right half, in the right half of where it is placed.
        var raster = Raster();
        var embedded = Save(Picture(), "whole.jpg");
        var shown = Printed with { Left = 325.0 / PageWidth };

        var photo = await MakeAsync(new PhotoSource(raster, shown, embedded, new ImageCrop(0.5, 0, 1, 1, int.MaxValue)));

        Assert.True(photo.FromEmbedded);
        Assert.Equal((450, 600), (photo.Largest.Width, photo.Largest.Height));
    }

    [Fact]
    public async Task Without_an_embedded_picture_the_page_is_cut()
    {
        var photo = await MakeAsync(new PhotoSource(Raster(), Printed));

        Assert.False(photo.FromEmbedded);
        Assert.Equal(450, photo.Largest.Width);
    }

    [Fact]
    public async Task An_embedded_file_libvips_cannot_read_falls_back_to_the_page()
    {
        var broken = Path.Combine(_dir, "broken.jpg");
        await File.WriteAllBytesAsync(broken, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);

        var photo = await MakeAsync(new PhotoSource(Raster(), Printed, broken));

        Assert.False(photo.FromEmbedded);
        Assert.Equal(450, photo.Largest.Width);
    }

    private Task<PhotoImages> MakeAsync(PhotoSource source) =>
        _services.GetRequiredService<IPageImageProcessor>().CreatePhotoImagesAsync(source, Path.Combine(_dir, "out-" + Guid.NewGuid().ToString("N")));

    /// <summary>A picture with detail in both directions, so a mirror image or a negative is plainly another picture.</summary>
    private static Image Picture()
    {
        using var xy = Image.Xyz(900, 600);
        using var x = xy[0];
        using var y = xy[1];
        using var red = x * (255.0 / 900);
        using var green = y * (255.0 / 600);
        using var sum = x + (y * 2);
        using var blue = (sum % 200) * 1.2;
        using var joined = red.Bandjoin(green, blue);
        using var picture = joined.Cast(Enums.BandFormat.Uchar);
        return picture.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>A white page with the picture printed at half size, as a rasteriser would draw it.</summary>
    private string Raster()
    {
        using var picture = Picture();
        using var printed = picture.Resize(0.5);
        using var white = Image.Black(PageWidth, PageHeight, bands: 3).Invert();
        using var page = white.Insert(printed, 100, 200);
        return Save(page, "raster-" + Guid.NewGuid().ToString("N") + ".png");
    }

    private string Save(Image image, string name)
    {
        var path = Path.Combine(_dir, name);
        image.WriteToFile(path);
        return path;
    }
}
