using System.Diagnostics;
using Broadsheet.Bench.Search.Engines;
using Broadsheet.Bench.Search.Measurement;

namespace Broadsheet.Bench.Search.Workload;

/// <summary>
/// Runs the query mix from several clients at once, each on its own thread and connection, round and round for a
/// fixed time (a query running at the deadline is finished and counted), and keeps every latency per query.
/// </summary>
internal static class LatencyRunner
{
    /// <param name="All">Every query's latency.</param>
    /// <param name="PerQuery">The latencies of each query of the mix.</param>
    /// <param name="Cpu">CPU time the whole process used during the phase; with a loaded machine, CPU per query says more than wall time.</param>
    public sealed record Phase(Latencies All, IReadOnlyDictionary<BenchQuery, Latencies> PerQuery, TimeSpan Cpu)
    {
        public double CpuMillisecondsPerQuery => Cpu.TotalMilliseconds / All.Count;
    }

    public static Phase Run(IBenchEngine engine, IReadOnlyList<BenchQuery> mix, int clients, TimeSpan duration)
    {
        var samples = new List<(int Query, double Ms)>[clients];
        var start = new Barrier(clients + 1);
        var threads = Enumerable.Range(0, clients).Select(c => new Thread(() =>
        {
            using var client = engine.OpenClient();
            var mine = samples[c] = [];
            start.SignalAndWait();
            var clock = Stopwatch.StartNew();
            // Clients start at different queries so that they do not all run the same one in step.
            for (var i = c * mix.Count / clients; clock.Elapsed < duration; i++)
            {
                var q = i % mix.Count;
                var before = Stopwatch.GetTimestamp();
                client.Run(mix[q]);
                mine.Add((q, Stopwatch.GetElapsedTime(before).TotalMilliseconds));
            }
        })
        { IsBackground = true, Name = $"client {c}" }).ToList();

        threads.ForEach(t => t.Start());
        start.SignalAndWait();
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        threads.ForEach(t => t.Join());
        wall.Stop();
        cpu = Environment.CpuUsage.TotalTime - cpu;
        start.Dispose();

        var all = samples.SelectMany(s => s).ToList();
        var perQuery = mix.Select((q, i) => (q, new Latencies([.. all.Where(s => s.Query == i).Select(s => s.Ms)], wall.Elapsed)))
            .ToDictionary(p => p.q, p => p.Item2);
        return new Phase(new Latencies([.. all.Select(s => s.Ms)], wall.Elapsed), perQuery, cpu);
    }
}
