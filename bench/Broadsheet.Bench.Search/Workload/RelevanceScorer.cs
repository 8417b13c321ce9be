using Broadsheet.Bench.Search.Corpus;
using Broadsheet.Bench.Search.Engines;

namespace Broadsheet.Bench.Search.Workload;

/// <summary>
/// Scores an engine on the labelled set. With R the right answers: precision is the share of right answers among
/// the first min(10, |R|) hits (so a right answer ranked below a wrong one costs), recall is the share of R (up to
/// 10 of it) found in the top 10.
/// </summary>
internal static class RelevanceScorer
{
    public sealed record Score(RelevanceCase Case, int Right, int Returned, double Precision, double Recall);

    public static IReadOnlyList<Score> Run(IBenchEngine engine, Plantings plantings)
    {
        using var client = engine.OpenClient();
        return [.. plantings.Cases.Select(c =>
        {
            var right = plantings.Expected(c);
            var hits = client.Run(new BenchQuery(c.Name, c.Lucene with { PageSize = 10 }, c.Peer)).Take(10).ToList();
            var k = Math.Min(10, right.Count);
            var precision = k == 0 ? double.NaN : hits.Take(k).Count(right.Contains) / (double)k;
            var recall = k == 0 ? double.NaN : hits.Count(right.Contains) / (double)k;
            return new Score(c, right.Count, hits.Count, precision, recall);
        })];
    }
}
