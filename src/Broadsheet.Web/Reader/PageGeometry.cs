using Broadsheet.Core.Model;

namespace Broadsheet.Web.Reader;

/// <summary>Sizes and crops of a page image for CSS, in the page's own proportions.</summary>
internal static class PageGeometry
{
    /// <summary>The CSS <c>aspect-ratio</c> of a page: its image's pixels when known, else its size in points.</summary>
    public static string AspectRatio(Page page) =>
        page.ImageWidth > 0 && page.ImageHeight > 0
            ? $"{ReaderFormat.Number(page.ImageWidth)} / {ReaderFormat.Number(page.ImageHeight)}"
            : $"{ReaderFormat.Number(page.WidthPt)} / {ReaderFormat.Number(page.HeightPt)}";

    /// <summary>
    /// CSS that shows only <paramref name="polygon"/>'s bounding box of the page image: a box with the crop's
    /// aspect ratio (the returned box style) and the whole image scaled and shifted inside it (the image style).
    /// Percent offsets are relative to the box, so the crop holds at any width. The box is never wider than the
    /// crop's own pixels: a photo cut from a page raster looks no better blown up.
    /// </summary>
    public static (string Box, string Image) Crop(Page page, Polygon polygon)
    {
        var (left, top, right, bottom) = polygon.Bounds;
        var width = Math.Max(right - left, 0.01);
        var height = Math.Max(bottom - top, 0.01);
        var (pageWidth, pageHeight) = page.ImageWidth > 0 && page.ImageHeight > 0
            ? ((double)page.ImageWidth, (double)page.ImageHeight)
            : (page.WidthPt, page.HeightPt);
        var box = $"aspect-ratio: {ReaderFormat.Number(width * pageWidth)} / {ReaderFormat.Number(height * pageHeight)}";
        if (page.ImageWidth > 0)
        {
            box += $"; max-width: {ReaderFormat.Number(Math.Round(width * page.ImageWidth))}px";
        }

        var image = $"width: {ReaderFormat.Number(100 / width)}%; left: {ReaderFormat.Number(-100 * left / width)}%; top: {ReaderFormat.Number(-100 * top / height)}%";
        return (box, image);
    }
}
