using System.Globalization;
using System.Text;
using Broadsheet.Bench.Search.Corpus;
using Broadsheet.Bench.Search.Measurement;
using Broadsheet.Bench.Search.Workload;

namespace Broadsheet.Bench.Search;

/// <summary>The run's figures as Markdown tables, ready for bench/README.md.</summary>
internal static class Report
{
    public static string Write(string startLoad, BenchOptions options, CorpusTiming corpus, Plantings plantings, EngineRun lucene, EngineRun fts5)
    {
        var sb = new StringBuilder();
        void Line(FormattableString text) => sb.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"");
        Line($"Articles: {options.Articles:N0} (seed {options.Seed}), {corpus.AverageCharacters:F0} characters each on average; corpus generation alone {corpus.ArticlesPerSecond:F0} articles/s (included in both build rates).");
        Line($"Query phases: {options.Seconds} s each; {Environment.ProcessorCount} cores; load average (1, 5, 15 min) at the start {startLoad}, at the end {LoadAverage()}.");
        Line($"");
        Line($"| figure | Broadsheet (Lucene.Net) | SQLite FTS5 (trigram) | goal |");
        Line($"| --- | --- | --- | --- |");
        Line($"| build rate | {lucene.ArticlesPerSecond:N0} articles/s ({lucene.BuildTime.TotalSeconds:F0} s) | {fts5.ArticlesPerSecond:N0} articles/s ({fts5.BuildTime.TotalSeconds:F0} s) | ≥ 3,000/s |");
        Line($"| build CPU time (whole process) | {lucene.BuildCpu.TotalSeconds:F0} CPU-s, {lucene.ArticlesPerCpuSecond:N0} articles per CPU-s | {fts5.BuildCpu.TotalSeconds:F0} CPU-s, {fts5.ArticlesPerCpuSecond:N0} articles per CPU-s | |");
        Line($"| index size on disk | {Mb(lucene.IndexBytes)} | {Mb(fts5.IndexBytes)} | |");
        Line($"| peak RSS (build + queries) | {Mb(lucene.PeakRssBytes)} | {Mb(fts5.PeakRssBytes)} | |");
        Phase(sb, "1 client", lucene.OneClient.All, fts5.OneClient.All, "p95 ≤ 20 ms");
        Phase(sb, "8 clients", lucene.EightClients.All, fts5.EightClients.All, "");
        Line($"| CPU time per query, 1 client / 8 clients (whole process) | {lucene.OneClient.CpuMillisecondsPerQuery:F1} / {lucene.EightClients.CpuMillisecondsPerQuery:F1} ms | {fts5.OneClient.CpuMillisecondsPerQuery:F1} / {fts5.EightClients.CpuMillisecondsPerQuery:F1} ms | |");
        var indexed = QueryMix.All.Where(q => q.Peer.UsesIndex).ToList();
        Phase(sb, $"1 client, only the {indexed.Count} queries FTS5 answers from its index", Subset(lucene.OneClient, indexed), Subset(fts5.OneClient, indexed), "");
        Line($"| relevance, mean precision / recall at 10 ({plantings.Cases.Count} labelled queries) | {Mean(lucene.Relevance, s => s.Precision):F2} / {Mean(lucene.Relevance, s => s.Recall):F2} | {Mean(fts5.Relevance, s => s.Precision):F2} / {Mean(fts5.Relevance, s => s.Recall):F2} | ≥ peer |");
        Line($"");
        Line($"Per query, 1 client (median ms; samples) — FTS5 form in the last column:");
        Line($"");
        Line($"| query | Lucene | FTS5 | FTS5 as written |");
        Line($"| --- | --- | --- | --- |");
        foreach (var q in QueryMix.All)
        {
            var l = lucene.OneClient.PerQuery[q];
            var f = fts5.OneClient.PerQuery[q];
            var form = q.Peer.UsesIndex ? q.Peer.ToString() : $"scan: {q.Peer}";
            Line($"| {q.Name} | {l.Percentile(50):F1} ({l.Count}) | {f.Percentile(50):F1} ({f.Count}) | `{Shorten(form)}` |");
        }

        Line($"");
        Line($"Relevance on the planted set (right answers; precision / recall at 10):");
        Line($"");
        Line($"| labelled query | right | Lucene | FTS5 | FTS5 as written |");
        Line($"| --- | --- | --- | --- | --- |");
        for (var i = 0; i < plantings.Cases.Count; i++)
        {
            var l = lucene.Relevance[i];
            var f = fts5.Relevance[i];
            Line($"| {l.Case.Name}: `{l.Case.Lucene.Text}` | {l.Right} | {l.Precision:F2} / {l.Recall:F2} | {f.Precision:F2} / {f.Recall:F2} | `{Shorten(f.Case.Peer.ToString())}` |");
        }

        return sb.ToString();
    }

    private static void Phase(StringBuilder sb, string name, Latencies lucene, Latencies fts5, string goal) =>
        sb.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| p50 / p95 / p99, {name} | {Triple(lucene)} | {Triple(fts5)} | {goal} |"));

    private static string Triple(Latencies l) => string.Create(
        CultureInfo.InvariantCulture,
        $"{l.Percentile(50):F1} / {l.Percentile(95):F1} / {l.Percentile(99):F1} ms, {l.QueriesPerSecond:F1} q/s, n={l.Count}");

    private static Latencies Subset(LatencyRunner.Phase phase, List<BenchQuery> queries)
    {
        var samples = queries.SelectMany(q => phase.PerQuery[q].Samples).ToList();
        return new Latencies(samples, phase.All.Elapsed);
    }

    private static double Mean(IReadOnlyList<RelevanceScorer.Score> scores, Func<RelevanceScorer.Score, double> pick) => scores.Average(pick);

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MB");

    private static string Shorten(string text) => text.Length <= 90 ? text : string.Concat(text.AsSpan(0, 87), "…");

    public static string LoadAverage()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file) ? string.Join(' ', File.ReadAllText(file).Split(' ').Take(3)) : "unknown";
    }
}
