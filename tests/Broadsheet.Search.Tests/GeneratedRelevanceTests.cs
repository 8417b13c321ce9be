namespace Broadsheet.Search.Tests;

/// <summary>
/// The relevance set over generated editions: headlines, two-character words, quoted phrases, reporters'
/// names (author: and plain), kickers, captions, English (an inflection, a misspelling), AND / OR and a date
/// range, each with the article a reader would expect first.
/// </summary>
public sealed class GeneratedRelevanceTests
{
    public static TheoryData<RelevanceCase> Cases()
    {
        var data = new TheoryData<RelevanceCase>();
        foreach (var c in GeneratedArchive.Instance.Cases)
        {
            data.Add(c);
        }

        return data;
    }

    [Fact]
    public void The_set_covers_every_kind_of_query_with_at_least_forty_cases()
    {
        var kinds = GeneratedArchive.Instance.Cases.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        Assert.True(GeneratedArchive.Instance.Cases.Count >= 40, string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}")));
        foreach (var kind in new[] { "headline", "two-character word", "phrase", "author", "name", "English headline", "misspelt English", "OR", "AND", "date range" })
        {
            Assert.True(kinds.ContainsKey(kind), $"no '{kind}' case; have {string.Join(", ", kinds.Keys)}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void The_expected_article_comes_first(RelevanceCase c)
    {
        var result = GeneratedArchive.Instance.Index.Index.Search(c.Query);

        Assert.True(
            result.Hits.Count > 0 && c.Expected.Contains(result.Hits[0].ArticleId),
            $"{c}: expected one of [{string.Join(", ", c.Expected.Take(5).Select(Describe))}] first, got [{string.Join(", ", result.Hits.Take(3).Select(h => $"{h.ArticleId} {h.Headline} ({h.Score:0.00})"))}]");
        Assert.Equal(c.Approximate, result.Approximate);
        if (c.Query.From is { } from)
        {
            Assert.All(result.Hits, h => Assert.InRange(h.Date, from, c.Query.To ?? DateOnly.MaxValue));
        }
    }

    private static string Describe(int id) => $"{id} {GeneratedArchive.Instance.Article(id).Headline}";
}
