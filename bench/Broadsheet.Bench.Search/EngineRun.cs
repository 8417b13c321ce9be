using System.Diagnostics;
using System.Globalization;
using Broadsheet.Bench.Search.Corpus;
using Broadsheet.Bench.Search.Engines;
using Broadsheet.Bench.Search.Measurement;
using Broadsheet.Bench.Search.Workload;

namespace Broadsheet.Bench.Search;

/// <summary>Everything measured for one engine.</summary>
internal sealed record EngineRun(
    string Engine,
    int Articles,
    TimeSpan BuildTime,
    TimeSpan BuildCpu,
    long IndexBytes,
    long PeakRssBytes,
    IReadOnlyList<RelevanceScorer.Score> Relevance,
    LatencyRunner.Phase OneClient,
    LatencyRunner.Phase EightClients)
{
    public double ArticlesPerSecond => Articles / BuildTime.TotalSeconds;

    /// <summary>Articles per second of CPU time used by the whole process while building: what one idle core would do.</summary>
    public double ArticlesPerCpuSecond => Articles / BuildCpu.TotalSeconds;

    /// <summary>Builds the engine's index from a fresh stream of the corpus, scores it, then times the mix at 1 and 8 clients.</summary>
    public static async Task<EngineRun> MeasureAsync(IBenchEngine engine, CorpusShape shape, Plantings plantings, TimeSpan phase, TextWriter log)
    {
        PeakMemory.Reset();
        log.WriteLine($"{engine.Name}: building from {shape.Count:N0} articles");
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var step = Math.Max(10_000, shape.Count / 10);
        var next = step;
        var progress = new SynchronousProgress(n =>
        {
            if (n >= next)
            {
                next += step;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n,10:N0}  {clock.Elapsed.TotalSeconds,7:F1} s  {n / clock.Elapsed.TotalSeconds,7:F0} articles/s  RSS peak {PeakMemory.Read() >> 20} MB"));
            }
        });
        await engine.BuildAsync(new CorpusGenerator(shape, plantings).Articles(), progress, CancellationToken.None);
        var build = clock.Elapsed;
        var buildCpu = Environment.CpuUsage.TotalTime - cpu;
        var size = engine.SizeOnDisk();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  built in {build.TotalSeconds:F1} s ({buildCpu.TotalSeconds:F1} CPU-s), {size >> 20} MB on disk"));

        var relevance = RelevanceScorer.Run(engine, plantings);
        WarmUp(engine, log);
        log.WriteLine($"  timing the mix, 1 client, {phase.TotalSeconds} s");
        var one = LatencyRunner.Run(engine, QueryMix.All, 1, phase);
        log.WriteLine($"  timing the mix, 8 clients, {phase.TotalSeconds} s");
        var eight = LatencyRunner.Run(engine, QueryMix.All, 8, phase);
        var run = new EngineRun(engine.Name, shape.Count, build, buildCpu, size, PeakMemory.Read(), relevance, one, eight);
        run.LogSummary(log);
        return run;
    }

    // The full report comes at the end of the run; this keeps an engine's figures should the other's never finish.
    private void LogSummary(TextWriter log)
    {
        static string Triple(Latencies l) => string.Create(
            CultureInfo.InvariantCulture, $"{l.Percentile(50):F1} / {l.Percentile(95):F1} / {l.Percentile(99):F1} ms ({l.QueriesPerSecond:F1} q/s)");

        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {Engine}: {ArticlesPerSecond:F0} articles/s, {ArticlesPerCpuSecond:F0} per CPU-s, {IndexBytes >> 20} MB, peak RSS {PeakRssBytes >> 20} MB; "
            + $"1 client {Triple(OneClient.All)}, {OneClient.CpuMillisecondsPerQuery:F1} CPU-ms/query; 8 clients {Triple(EightClients.All)}; "
            + $"P/R at 10 {Relevance.Average(r => r.Precision):F2} / {Relevance.Average(r => r.Recall):F2}; load {Report.LoadAverage()}"));
    }

    private static void WarmUp(IBenchEngine engine, TextWriter log)
    {
        using var client = engine.OpenClient();
        foreach (var query in QueryMix.All)
        {
            var clock = Stopwatch.StartNew();
            var hits = client.Run(query).Count;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up {query.Name}: {hits} hits, {clock.Elapsed.TotalMilliseconds:F1} ms"));
        }
    }

    // Progress<T> posts to the thread pool; the build's own thread reporting directly keeps the log in order.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
