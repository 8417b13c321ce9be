using Broadsheet.Imaging.Ocr;
using Broadsheet.Imaging.Ocr.Paddle;

namespace Broadsheet.Imaging.Tests.Ocr;

/// <summary>
/// The image Paddle's text detector looks at is bounded in pixels, because its memory grows with them (about 160 MB
/// per million: bench/README.md, "OCR memory"); a page of ordinary proportions at the import's width is not scaled.
/// </summary>
public sealed class PaddleDetectionSizeTests
{
    private static readonly OcrOptions Defaults = new();

    [Fact]
    public void A_newspaper_page_at_the_import_width_is_detected_at_its_own_size()
    {
        // The henan page's raster, which OCR reads at 1984 x 2880 as it did before the pixel budget.
        Assert.Equal((1984, 2880), TextDetector.InputSize(2000, 2890, Defaults.PaddleDetectionMaxSide, Defaults.PaddleDetectionMaxPixels));
    }

    [Theory]
    [InlineData(2000, 4000)]
    [InlineData(2000, 125_000)]
    [InlineData(15_000, 15_000)]
    [InlineData(3001, 2999)]
    public void A_larger_page_is_scaled_down_within_the_pixel_budget_keeping_its_proportions(int width, int height)
    {
        var (w, h) = TextDetector.InputSize(width, height, Defaults.PaddleDetectionMaxSide, Defaults.PaddleDetectionMaxPixels);

        Assert.InRange((long)w * h, 1, Defaults.PaddleDetectionMaxPixels);
        Assert.InRange(Math.Max(w, h), 32, Defaults.PaddleDetectionMaxSide);
        Assert.Equal((0, 0), (w % 32, h % 32));
        // Within 32 px of the page's proportions, and not needlessly small: a step of 32 more would break a limit.
        Assert.InRange(w - ((double)h * width / height), -32, 32);
        Assert.True((long)(w + 32) * (h + 32) > Defaults.PaddleDetectionMaxPixels || Math.Max(w, h) + 32 > Defaults.PaddleDetectionMaxSide);
    }
}
