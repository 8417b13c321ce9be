using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class RegionOutlineTests
{
    [Fact]
    public void Columns_with_a_gutter_between_them_make_one_rectangle()
    {
        var polygons = RegionOutline.Outline([new(100, 100, 200, 300), new(210, 100, 310, 300)], gap: 10, pageWidth: 1000, pageHeight: 1000);

        var polygon = Assert.Single(polygons);
        Assert.Equal(4, polygon.Points.Count);
        Assert.Equal((0.1, 0.1, 0.31, 0.3), Rounded(polygon.Bounds));
    }

    [Fact]
    public void A_story_set_in_an_l_has_an_l_shaped_region()
    {
        // Title and two columns across the top, the right column running on further down.
        PageBox[] boxes = [new(100, 100, 310, 130), new(100, 140, 200, 300), new(210, 140, 310, 500)];

        var polygon = Assert.Single(RegionOutline.Outline(boxes, gap: 10, pageWidth: 1000, pageHeight: 1000));

        Assert.Equal(6, polygon.Points.Count);
        Assert.True(polygon.Contains(0.15, 0.2));
        Assert.True(polygon.Contains(0.25, 0.45));
        Assert.False(polygon.Contains(0.15, 0.45));
        Assert.Equal((0.21 * 0.2) + (0.1 * 0.2), polygon.Area, 3);
    }

    [Fact]
    public void Parts_far_apart_are_separate_polygons()
    {
        var polygons = RegionOutline.Outline([new(100, 100, 200, 200), new(600, 600, 700, 700)], gap: 10, pageWidth: 1000, pageHeight: 1000);

        Assert.Equal(2, polygons.Count);
        Assert.All(polygons, p => Assert.Equal(4, p.Points.Count));
    }

    private static (double, double, double, double) Rounded((double Left, double Top, double Right, double Bottom) b) =>
        (Math.Round(b.Left, 3), Math.Round(b.Top, 3), Math.Round(b.Right, 3), Math.Round(b.Bottom, 3));
}
