namespace Broadsheet.Bench.Search.Measurement;

/// <summary>Latency samples taken during a phase of <paramref name="elapsed"/> wall time, in milliseconds.</summary>
internal sealed class Latencies(IReadOnlyList<double> milliseconds, TimeSpan elapsed)
{
    public IReadOnlyList<double> Samples => milliseconds;

    public TimeSpan Elapsed => elapsed;

    public int Count => milliseconds.Count;

    public double QueriesPerSecond => Count / elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var sorted = milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
