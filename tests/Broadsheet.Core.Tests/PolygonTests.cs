using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

public sealed class PolygonTests
{
    [Theory]
    [InlineData(-0.1, 0.5)]
    [InlineData(0.5, 1.2)]
    [InlineData(double.PositiveInfinity, 0.5)]
    public void Regions_must_lie_inside_the_page(double x, double y)
    {
        var error = Assert.Throws<DomainException>(() => new Polygon([new(0, 0), new(1, 0), new(x, y)]));
        Assert.Contains("outside the page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_needs_three_points() =>
        Assert.Throws<DomainException>(() => new Polygon([new(0, 0), new(1, 1)]));

    [Fact]
    public void An_l_shaped_region_contains_its_arms_but_not_the_notch()
    {
        // An article wrapping around a photo at its top right.
        var l = new Polygon([new(0, 0), new(0.5, 0), new(0.5, 0.5), new(1, 0.5), new(1, 1), new(0, 1)]);

        Assert.True(l.Contains(0.25, 0.25));
        Assert.True(l.Contains(0.75, 0.75));
        Assert.False(l.Contains(0.75, 0.25));
        Assert.Equal(0.75, l.Area, 9);
        Assert.Equal((0.0, 0.0, 1.0, 1.0), l.Bounds);
    }

    [Fact]
    public void Text_form_round_trips_independent_of_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var polygon = Polygon.Rectangle(0.125, 0.25, 0.5, 0.75);
            Assert.Equal("0.125,0.25 0.5,0.25 0.5,0.75 0.125,0.75", polygon.ToString());
            Assert.Equal(polygon, Polygon.Parse(polygon.ToString()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Malformed_text_is_refused_with_the_offending_pair() =>
        Assert.Equal("'0.1;0.2' is not a point of the form x,y.", Assert.Throws<DomainException>(() => Polygon.Parse("0.1;0.2 0,0 1,1")).Message);
}
