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
internal sealed class BroadsheetMetrics
{
    public const string MeterName = "Broadsheet";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _cacheLookups;
    private readonly Histogram<double> _searchSeconds;
    private readonly Counter<long> _importPages;
    private readonly Counter<long> _importFailures;

    public BroadsheetMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _requests = Meter.CreateCounter<long>("broadsheet.http.requests", "{request}", "Requests answered, by route class and status class.");
        _cacheLookups = Meter.CreateCounter<long>("broadsheet.page_cache.lookups", "{lookup}", "Reader pages asked of the page cache: result=hit, or miss (rendered).");
        _searchSeconds = Meter.CreateHistogram<double>("broadsheet.search.duration", "s", "Time one search took in the index.", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        });
        _importPages = Meter.CreateCounter<long>("broadsheet.import.pages", "{page}", "Pages of editions imported by this server (desk uploads).");
        _importFailures = Meter.CreateCounter<long>("broadsheet.import.failures", "{import}", "Desk uploads that failed and changed nothing.");
    }

    /// <summary>The meter, for instruments observed where their state lives (<see cref="ObserveImportQueue"/>).</summary>
    public Meter Meter { get; }

    public void Request(string routeClass, int status)
    {
        if (_requests.Enabled)
        {
            _requests.Add(1, new("route_class", routeClass), new("status_class", StatusClass(status)));
        }
    }

    public void PageCacheHit() => _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));

    public void PageCacheMiss() => _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));

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

    private static string StatusClass(int status) => status switch
    {
        < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };
}
