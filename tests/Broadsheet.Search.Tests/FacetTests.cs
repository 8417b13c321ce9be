namespace Broadsheet.Search.Tests;

public sealed class FacetTests : IDisposable
{
    private readonly TempIndex _index = new();

    public FacetTests()
    {
        _index.Index.IndexAsync(
        [
            Articles.Make(1, body: "民警巡逻", date: "2023-12-30", pageName: "平安贵阳"),
            Articles.Make(2, body: "民警调解", date: "2024-01-02", pageName: "平安贵阳"),
            Articles.Make(3, body: "民警救人", date: "2024-01-20", pageName: "社会"),
            Articles.Make(4, body: "民警宣传", date: "2024-03-05", pageName: "头版"),
            Articles.Make(5, body: "消防演练", date: "2024-03-06", pageName: "消防"),
            Articles.Make(6, body: "police patrol", pub: "county-herald", date: "2024-01-09", pageName: "News"),
        ]).GetAwaiter().GetResult();
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Counts_every_hit_by_year_month_page_and_publication()
    {
        // Page size 1: facets count all matches, not just the page shown.
        var facets = _index.Index.Search(new SearchQuery { Facets = true, PageSize = 1 }).Facets!;

        Assert.Equal([new("2023", 1), new("2024", 5)], facets.Years);
        Assert.Equal([new("2023-12", 1), new("2024-01", 3), new("2024-03", 2)], facets.Months);
        Assert.Equal(
            [new("平安贵阳", 2), new("News", 1), new("头版", 1), new("消防", 1), new("社会", 1)],
            facets.PageNames);
        Assert.Equal([new("gzfzb", 5), new("county-herald", 1)], facets.Publications);
    }

    [Fact]
    public void Counts_only_what_the_query_matches()
    {
        var facets = _index.Index.Search(new SearchQuery { Text = "民警", Facets = true, From = new DateOnly(2024, 1, 1) }).Facets!;

        Assert.Equal([new("2024", 3)], facets.Years);
        Assert.Equal([new("2024-01", 2), new("2024-03", 1)], facets.Months);
        Assert.Equal([new("头版", 1), new("平安贵阳", 1), new("社会", 1)], facets.PageNames);
        Assert.Equal([new("gzfzb", 3)], facets.Publications);
    }

    [Fact]
    public async Task Counts_across_segments()
    {
        // A second write makes a second segment, whose ordinals differ from the first one's.
        await _index.Index.IndexAsync([Articles.Make(7, body: "民警值守", date: "2024-01-25", pageName: "社会")]);

        var facets = _index.Index.Search(new SearchQuery { Text = "民警", Facets = true }).Facets!;

        Assert.Contains(new FacetCount("社会", 2), facets.PageNames);
        Assert.Contains(new FacetCount("2024-01", 3), facets.Months);
    }

    [Fact]
    public async Task Counts_dates_outside_the_usual_years_and_skips_withdrawn_articles()
    {
        // Months are counted in slots from 1700 on; an older date is counted too, just not in a slot.
        await _index.Index.IndexAsync([Articles.Make(8, body: "民警档案", date: "1650-05-01", pageName: "史话")]);
        await _index.Index.DeleteAsync([3]);

        var facets = _index.Index.Search(new SearchQuery { Text = "民警", Facets = true }).Facets!;

        Assert.Equal([new("1650", 1), new("2023", 1), new("2024", 2)], facets.Years);
        Assert.Equal([new("1650-05", 1), new("2023-12", 1), new("2024-01", 1), new("2024-03", 1)], facets.Months);
        Assert.DoesNotContain(facets.PageNames, f => f.Value == "社会");
        Assert.Contains(new FacetCount("史话", 1), facets.PageNames);
    }

    [Fact]
    public void Facets_are_left_out_unless_asked_for() =>
        Assert.Null(_index.Index.Search(new SearchQuery { Text = "民警" }).Facets);
}
