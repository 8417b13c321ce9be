using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Broadsheet.Web.Metrics;

/// <summary>
/// The server's own instruments, on the meter <c>Broadsheet</c>: requests by route class, the page cache's hits and misses,
/// search latency, desk imports (pages, failures) and the uploads waiting. Prometheus sees them as
/// <c>broadsheet_http_requests_total</c>, <c>broadsheet_page_cache_lookups_total</c>,
/// <c>broadsheet_search_duration_seconds</c>, <c>broadsheet_import_pages_total</c>, <c>broadsheet_import_failures_total</c>
/// and <c>broadsheet_import_queue_depth</c> (docs/operations.md, "Metrics"). Recording costs nothing while nothing listens.
/// </summary>
/// <remarks>
/// Requests and page cache lookups, counted on every request, are plain interlocked counts that OpenTelemetry reads
/// when Prometheus scrapes (observable counters). Recorded through a counter with two tags, the request count
/// cost a cached page view about a tenth of its throughput (0.80–0.84 of nginx against 0.88 with metrics off,
/// bench/reader-vs-nginx.sh, 2026-12-07).
/// </remarks>
internal sealed class BroadsheetMetrics
{
    public const string MeterName = "Broadsheet";

    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    private readonly long[] _requests = new long[RouteClasses.All.Count * StatusClasses.Length];
    private long _cacheHits;
    private long _cacheMisses;
    private readonly Histogram<double> _searchSeconds;
    private readonly Counter<long> _importPages;
    private readonly Counter<long> _importFailures;

    public BroadsheetMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        Meter.CreateObservableCounter("broadsheet.http.requests", ObserveRequests, "{request}", "Requests answered, by route class and status class.");
        Meter.CreateObservableCounter("broadsheet.page_cache.lookups", ObserveCacheLookups, "{lookup}", "Reader pages asked of the page cache: result=hit, or miss (rendered).");
        _searchSeconds = Meter.CreateHistogram<double>("broadsheet.search.duration", "s", "Time one search took in the index.", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        });
        _importPages = Meter.CreateCounter<long>("broadsheet.import.pages", "{page}", "Pages of editions imported by this server (desk uploads).");
        _importFailures = Meter.CreateCounter<long>("broadsheet.import.failures", "{import}", "Desk uploads that failed and changed nothing.");
    }

    /// <summary>The meter, for instruments observed where their state lives (<see cref="ObserveImportQueue"/>).</summary>
    public Meter Meter { get; }

    public void Request(int routeClass, int status) =>
        Interlocked.Increment(ref _requests[(routeClass * StatusClasses.Length) + StatusClass(status)]);

    public void PageCacheHit() => Interlocked.Increment(ref _cacheHits);

    public void PageCacheMiss() => Interlocked.Increment(ref _cacheMisses);

    public void Search(TimeSpan took) => _searchSeconds.Record(took.TotalSeconds);

    public void Imported(int pages) => _importPages.Add(pages);

    public void ImportFailed() => _importFailures.Add(1);

    /// <summary>Uploads waiting for the import worker, read when Prometheus scrapes.</summary>
    public void ObserveImportQueue(Func<int> waiting) =>
        Meter.CreateObservableGauge("broadsheet.import.queue_depth", waiting, "{upload}", "Desk uploads queued for import on this server, the running one included.");

    /// <summary>Times <paramref name="work"/> and records it as a search.</summary>
    public T TimeSearch<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Search(Stopwatch.GetElapsedTime(started));
        }
    }

    private static int StatusClass(int status) => Math.Clamp((status / 100) - 1, 0, StatusClasses.Length - 1);

    private IEnumerable<Measurement<long>> ObserveRequests()
    {
        for (var i = 0; i < _requests.Length; i++)
        {
            var count = Volatile.Read(ref _requests[i]);
            if (count > 0)
            {
                yield return new(count, new("route_class", RouteClasses.All[i / StatusClasses.Length]), new("status_class", StatusClasses[i % StatusClasses.Length]));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveCacheLookups() =>
    [
        new(Volatile.Read(ref _cacheHits), new KeyValuePair<string, object?>("result", "hit")),
        new(Volatile.Read(ref _cacheMisses), new KeyValuePair<string, object?>("result", "miss")),
    ];
}
