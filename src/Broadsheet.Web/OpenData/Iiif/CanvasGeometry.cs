using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.OpenData.Iiif;

/// <summary>A page as a canvas: its size in pixels, and regions (normalised 0..1) as <c>xywh=</c> media fragments on it.</summary>
internal sealed record CanvasGeometry(int Width, int Height)
{
    /// <summary>The canvas of a page: the tiled image's size where there are tiles, else the page image's, else its size in points.</summary>
    public static CanvasGeometry Of(Page page, ImageInfo? info)
    {
        ArgumentNullException.ThrowIfNull(page);
        return info is not null ? new(info.Width, info.Height)
            : page.ImageWidth > 0 && page.ImageHeight > 0 ? new(page.ImageWidth, page.ImageHeight)
            : new((int)Math.Ceiling(page.WidthPt), (int)Math.Ceiling(page.HeightPt));
    }

    /// <summary>The smallest whole-pixel rectangle holding every one of <paramref name="polygons"/>, kept on the canvas.</summary>
    public string Fragment(IEnumerable<Polygon> polygons)
    {
        var bounds = polygons.Select(p => p.Bounds).ToList();
        return bounds.Count == 0 ? Xywh(0, 0, 1, 1) : Xywh(bounds.Min(b => b.Left), bounds.Min(b => b.Top), bounds.Max(b => b.Right), bounds.Max(b => b.Bottom));
    }

    /// <summary>A box given as left, top, width, height in 0..1 of the page.</summary>
    public string Box(double left, double top, double width, double height) => Xywh(left, top, left + width, top + height);

    private string Xywh(double left, double top, double right, double bottom)
    {
        var x = Math.Clamp((int)Math.Floor(left * Width), 0, Width - 1);
        var y = Math.Clamp((int)Math.Floor(top * Height), 0, Height - 1);
        var w = Math.Max(1, Math.Min(Width, (int)Math.Ceiling(right * Width)) - x);
        var h = Math.Max(1, Math.Min(Height, (int)Math.Ceiling(bottom * Height)) - y);
        return string.Create(CultureInfo.InvariantCulture, $"xywh={x},{y},{w},{h}");
    }
}
