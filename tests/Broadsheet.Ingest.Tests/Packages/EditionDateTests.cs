using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Tests.Packages;

public sealed class EditionDateTests
{
    [Theory]
    [InlineData("2026-11-02.zip", "2026-11-02")]
    [InlineData("binjiang-2026-11-02.zip", "2026-11-02")]
    [InlineData("20261102.zip", "2026-11-02")]
    [InlineData("bj_2026_11_02_final.zip", "2026-11-02")]
    [InlineData("edition.zip", null)]
    [InlineData("2026-13-40.zip", null)]
    [InlineData("1234567890.zip", null)]
    public void The_date_is_read_from_the_package_name(string name, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EditionDate.FromName(Path.Combine(Path.GetTempPath(), "nowhere", name)));
    }

    [Fact]
    public void A_folder_is_dated_by_its_own_name()
    {
        using var temp = new Support.TempFolder();
        var folder = temp.Folder("2026-11-02");

        Assert.Equal(new DateOnly(2026, 11, 2), EditionDate.FromName(folder + Path.DirectorySeparatorChar));
    }
}
