namespace Broadsheet.Ingest.Text;

/// <summary>
/// An axis-aligned box on a page in PDF points with the origin at the top-left corner of the page
/// (y grows downwards), so layout code reads like the page does.
/// </summary>
internal readonly record struct PageBox(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    public PageBox Union(PageBox other) =>
        new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    /// <summary>Width of the overlap of the two boxes' horizontal extents (0 when they do not overlap).</summary>
    public double HorizontalOverlap(PageBox other) => Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left));

    public double VerticalOverlap(PageBox other) => Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top));

    public double IntersectionArea(PageBox other) => HorizontalOverlap(other) * VerticalOverlap(other);

    public PageBox Inflate(double dx, double dy) => new(Left - dx, Top - dy, Right + dx, Bottom + dy);

    public static PageBox Bounding(IEnumerable<PageBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        PageBox? result = null;
        foreach (var box in boxes)
        {
            result = result is { } r ? r.Union(box) : box;
        }

        return result ?? throw new ArgumentException("No boxes to bound.", nameof(boxes));
    }
}
