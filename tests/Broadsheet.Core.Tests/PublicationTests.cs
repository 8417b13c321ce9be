using Broadsheet.Core.Model;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Core.Tests;

public sealed class PublicationTests
{
    [Fact]
    public void An_edition_date_is_reckoned_in_the_publication_time_zone()
    {
        // 17:30 UTC on 1 November is already 01:30 on 2 November in Shanghai, but still 1 November in New York.
        var instant = new DateTimeOffset(2026, 11, 1, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 2), new Publication("binjiang", "滨江日报", timeZoneId: "Asia/Shanghai").DateAt(instant));
        Assert.Equal(new DateOnly(2026, 11, 1), new Publication("gazette", "Gazette", "en", "America/New_York").DateAt(instant));
    }

    [Fact]
    public void Today_comes_from_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 16, 5, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 30), new Publication("binjiang", "滨江日报").Today(clock));
    }

    [Fact]
    public void Unknown_time_zones_are_refused()
    {
        var error = Assert.Throws<DomainException>(() => new Publication("binjiang", "滨江日报", timeZoneId: "Mars/Olympus"));
        Assert.Equal("Unknown time zone 'Mars/Olympus'.", error.Message);
    }

    [Theory]
    [InlineData("binjiang", true)]
    [InlineData("legal-daily-2", true)]
    [InlineData("Binjiang", false)]
    [InlineData("-x", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    [InlineData("滨江", false)]
    public void Slugs_are_lowercase_url_segments(string slug, bool valid) =>
        Assert.Equal(valid, Publication.IsValidSlug(slug));

    [Theory]
    [InlineData(PageLabelStyle.Numeric, 6, 'A', "06")]
    [InlineData(PageLabelStyle.Sectioned, 6, 'B', "B06")]
    public void Page_labels_follow_the_publication_style(PageLabelStyle style, int number, char section, string expected) =>
        Assert.Equal(expected, PageLabel.Format(style, number, section));
}
