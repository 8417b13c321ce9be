using Broadsheet.Core.Ports;
using Broadsheet.Imaging.Rasterizing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Imaging.Tests;

public sealed class PdfRasterizerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("broadsheet-imaging-").FullName;

    [Fact]
    public async Task Renders_a_page_at_the_requested_width_keeping_its_aspect_ratio()
    {
        var pdf = Path.Combine(_dir, "page.pdf");
        TinyPdf.Write(pdf, 600, 900);

        var page = await Rasterizer().RasterizeAsync(pdf, 1, 400, Path.Combine(_dir, "page.ppm"));

        Assert.Equal(400, page.Width);
        Assert.InRange(page.Height, 599, 601);
        // A binary PPM: a header, then three bytes a pixel.
        Assert.Equal("P6"u8.ToArray(), (await File.ReadAllBytesAsync(page.Path))[..2]);
        Assert.True(new FileInfo(page.Path).Length >= 400L * 599 * 3);
    }

    [Fact]
    public async Task Falls_back_to_pdftoppm_when_mutool_is_missing()
    {
        var pdf = Path.Combine(_dir, "page.pdf");
        TinyPdf.Write(pdf, 600, 900);

        var page = await Rasterizer(o => o.MutoolPath = "/nonexistent/mutool").RasterizeAsync(pdf, 1, 300, Path.Combine(_dir, "fallback.ppm"));

        Assert.Equal(300, page.Width);
        Assert.InRange(page.Height, 449, 451);
        Assert.Equal(["fallback.ppm", "page.pdf"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_fails_with_a_message_naming_it()
    {
        var bogus = Path.Combine(_dir, "03-经济.pdf");
        await File.WriteAllTextAsync(bogus, "this is not a PDF at all");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Rasterizer().RasterizeAsync(bogus, 1, 300, Path.Combine(_dir, "x.ppm")));

        Assert.StartsWith("03-经济.pdf: page 1 could not be rendered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_needs_more_memory_than_its_limit_fails_saying_so_and_leaves_this_process_alone()
    {
        var pdf = Path.Combine(_dir, "page.pdf");
        TinyPdf.Write(pdf, 600, 900);

        // 12000 x 18000 pixels is 648 MB of RGB; each renderer may map 64 MB.
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Rasterizer().RasterizeAsync(pdf, 1, 12000, Path.Combine(_dir, "huge.ppm"), new ToolLimits(TimeSpan.FromMinutes(1), 64L << 20)));

        Assert.Equal(
            "page.pdf: page 1 could not be rendered (mutool: needed more than the 64 MB of memory it may use; pdftoppm: needed more than the 64 MB of memory it may use).",
            error.Message);
    }

    private static IPageRasterizer Rasterizer(Action<RasterizerOptions>? configure = null) =>
        new ServiceCollection().AddBroadsheetImaging(configure).BuildServiceProvider().GetRequiredService<IPageRasterizer>();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
