using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Packages;

public sealed class ImageValidatorTests : IDisposable
{
    private const long Limit = 250_000_000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("page-600x800-150dpi.png", "Png")]
    [InlineData("page-600x800-150dpi.jpg", "Jpeg")]
    [InlineData("page-600x800-150dpi.tif", "Tiff")]
    public void A_page_image_is_known_by_its_content_and_sized_from_its_header(string fixture, string kindName)
    {
        var kind = Enum.Parse<PageFileKind>(kindName);
        // Named .dat: the kind comes from the first bytes, never from the name.
        var path = _temp.PathOf("03-图片.dat");
        File.Copy(Fixtures.Path(fixture), path);

        Assert.Equal(kind, FileSignature.Sniff(path));
        var page = ImageValidator.Validate(new PackagePage("03", "图片", path), kind, Limit);

        Assert.Equal(kind, page.Kind);
        // 150 dpi as PNG pHYs (pixels per metre, rounded), JPEG EXIF and TIFF tags state it.
        Assert.Equal(600 * 72 / 150.0, page.Size.Width, 0);
        Assert.Equal(800 * 72 / 150.0, page.Size.Height, 0);
    }

    [Fact]
    public void An_image_that_claims_gigapixels_is_refused_from_its_header()
    {
        var path = _temp.PathOf("07.png");
        File.Copy(Fixtures.Path("png-claims-100000x100000.png"), path);

        var ex = Assert.Throws<ImportException>(() => ImageValidator.Validate(new PackagePage("07", "", path), PageFileKind.Png, Limit));

        Assert.Equal("07.png: the image claims 100000 x 100000 pixels (10000 megapixels), more than the 250 megapixels a page image may have", ex.Message);
    }

    [Fact]
    public void A_truncated_jpeg_is_named()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("page-600x800-150dpi.jpg"));
        var path = _temp.PathOf("05.jpg");
        File.WriteAllBytes(path, bytes[..20]);

        var ex = Assert.Throws<ImportException>(() => ImageValidator.Validate(new PackagePage("05", "", path), PageFileKind.Jpeg, Limit));

        Assert.StartsWith("05.jpg: the JPEG image is truncated or corrupt (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_icon_is_not_a_page()
    {
        var path = _temp.PathOf("05.png");
        File.WriteAllBytes(path, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));

        var ex = Assert.Throws<ImportException>(() => ImageValidator.Validate(new PackagePage("05", "", path), PageFileKind.Png, Limit));

        Assert.Equal("05.png: the image is 1 x 1 pixels, too small to be a page", ex.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "Pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "Png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "Jpeg")]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00 }, "Tiff")]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A }, "Tiff")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "Unknown")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38 }, "Unknown")]
    public void Signatures(byte[] head, string kind) => Assert.Equal(Enum.Parse<PageFileKind>(kind), FileSignature.Sniff(head));
}
