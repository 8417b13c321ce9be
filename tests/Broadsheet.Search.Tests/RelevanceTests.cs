using Broadsheet.Search.Tests.TestData;

namespace Broadsheet.Search.Tests;

/// <summary>The hand-written corpus indexed once for the relevance set; read-only, so its cases can share it.</summary>
public sealed class RelevanceFixture : IDisposable
{
    public RelevanceFixture()
    {
        Index.Index.IndexAsync(RelevanceCorpus.Articles()).GetAwaiter().GetResult();
    }

    internal TempIndex Index { get; } = new();

    public void Dispose() => Index.Dispose();
}

/// <summary>
/// Queries with the article a reader would expect first (TestData/relevance-queries.json). Each case names
/// why it is there; a failing case is a ranking regression, not a flaky test.
/// </summary>
public sealed class RelevanceTests(RelevanceFixture fixture) : IClassFixture<RelevanceFixture>
{
    public static TheoryData<string, int[], string> Cases()
    {
        var data = new TheoryData<string, int[], string>();
        foreach (var q in RelevanceCorpus.Queries())
        {
            data.Add(q.Query, q.Top, q.Why);
        }

        return data;
    }

    [Fact]
    public void The_set_is_big_enough_to_mean_something() =>
        Assert.True(RelevanceCorpus.Queries().Count >= 20);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expected_article_comes_first(string query, int[] expected, string why)
    {
        var hits = fixture.Index.Search(query).Hits;

        Assert.True(
            hits.Count > 0 && expected.Contains(hits[0].ArticleId),
            $"'{query}' ({why}): expected one of [{string.Join(", ", expected)}] first, got [{string.Join(", ", hits.Take(5).Select(h => $"{h.ArticleId} ({h.Score:0.00})"))}]");
    }
}
