using System.Globalization;
using System.Net;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Broadsheet.Search;
using Broadsheet.Web.Desk.Imports;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>
/// <c>/metrics</c> in Prometheus's text format: requests by route class, the page cache's hits and misses, search
/// latency, desk imports' pages and failures; answered to a scraper on the node itself, never to another address or through a proxy.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(MetricsAppFactory app) : IClassFixture<MetricsAppFactory>
{
    private const string Page = "/binjiang/2026-11-02/01";

    [Fact]
    public async Task Reading_a_page_twice_and_searching_shows_in_the_counters_a_scraper_reads()
    {
        var before = await ScrapeAsync();
        using var client = app.NewClient();

        // The first asks the cache and renders (unless an earlier test did), the second is answered from memory.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Page, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Page, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString("地铁"), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/binjiang/1999-01-01", UriKind.Relative))).StatusCode);
        var after = await ScrapeAsync();

        Assert.True(Sum(after, "broadsheet_page_cache_lookups_total", "result=\"hit\"") >= Sum(before, "broadsheet_page_cache_lookups_total", "result=\"hit\"") + 1, after);
        Assert.True(Sum(after, "broadsheet_page_cache_lookups_total") >= Sum(before, "broadsheet_page_cache_lookups_total") + 2, after);
        Assert.True(Sum(after, "broadsheet_http_requests_total", "route_class=\"reader\"", "status_class=\"2xx\"") >= Sum(before, "broadsheet_http_requests_total", "route_class=\"reader\"", "status_class=\"2xx\"") + 2, after);
        Assert.True(Sum(after, "broadsheet_http_requests_total", "route_class=\"reader\"", "status_class=\"4xx\"") >= Sum(before, "broadsheet_http_requests_total", "route_class=\"reader\"", "status_class=\"4xx\"") + 1, after);
        Assert.True(Sum(after, "broadsheet_http_requests_total", "route_class=\"search\"") >= Sum(before, "broadsheet_http_requests_total", "route_class=\"search\"") + 1, after);
        Assert.True(Sum(after, "broadsheet_search_duration_seconds_count") >= Sum(before, "broadsheet_search_duration_seconds_count") + 1, after);
        Assert.Contains("broadsheet_search_duration_seconds_bucket", after, StringComparison.Ordinal);
        Assert.Contains("broadsheet_import_queue_depth", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_desk_import_that_fails_is_counted_as_a_failure()
    {
        var jobs = app.Services.GetRequiredService<ImportJobs>();
        var (id, folder) = jobs.NewFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "01.pdf"), "not a PDF at all");
        var request = new ImportRequest { SourcePath = folder, PublicationSlug = "binjiang", Date = new DateOnly(2026, 12, 1) };
        var job = new ImportJob(id, "binjiang", "滨江日报", "metrics-test", request, folder, jobs.Now);
        var before = await ScrapeAsync();

        Assert.True(await jobs.TryEnqueueAsync(job));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await jobs.FindAsync(id) is not { Finished: true })
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the import did not finish within 3 minutes");
            await Task.Delay(100);
        }

        var after = await ScrapeAsync();
        Assert.Equal(JobStatus.Failed, (await jobs.FindAsync(id))!.Status);
        Assert.True(Sum(after, "broadsheet_import_failures_total") == Sum(before, "broadsheet_import_failures_total") + 1, after);
        Assert.Equal(Sum(before, "broadsheet_import_pages_total"), Sum(after, "broadsheet_import_pages_total"));
    }

    [Fact]
    [Trait("Suite", "Full")] // generates and imports a whole edition: the full suite (scripts/test), not --fast
    public async Task A_desk_import_that_succeeds_counts_its_pages()
    {
        var jobs = app.Services.GetRequiredService<ImportJobs>();
        var (id, folder) = jobs.NewFolder();
        var day = new DateOnly(2026, 12, 2);
        var sample = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 5, PageCount = 4, Date = day }, folder);
        var request = new ImportRequest { SourcePath = folder, PublicationSlug = "binjiang", Date = day };
        var job = new ImportJob(id, "binjiang", "滨江日报", "metrics-test", request, folder, jobs.Now);
        var before = await ScrapeAsync();

        Assert.True(await jobs.TryEnqueueAsync(job));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await jobs.FindAsync(id) is not { Finished: true })
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the import did not finish within 5 minutes");
            await Task.Delay(100);
        }

        var after = await ScrapeAsync();
        var state = (await jobs.FindAsync(id))!;
        Assert.True(state.Status == JobStatus.Succeeded, state.Error);
        Assert.Equal(Sum(before, "broadsheet_import_pages_total") + sample.Pages.Count, Sum(after, "broadsheet_import_pages_total"));
        Assert.Equal(Sum(before, "broadsheet_import_failures_total"), Sum(after, "broadsheet_import_failures_total"));
    }

    [Theory]
    [InlineData("203.0.113.7", false)]
    [InlineData("127.0.0.1", true)]
    public async Task Metrics_are_not_served_to_another_address_nor_through_a_proxy(string address, bool forwarded)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (forwarded)
            {
                c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        var body = await reader.ReadToEndAsync();

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.DoesNotContain("broadsheet_", body, StringComparison.Ordinal);
    }

    private async Task<string> ScrapeAsync()
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("text/plain", context.Response.ContentType, StringComparison.Ordinal);
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    private static double Sum(string scrape, string name, params string[] labels) =>
        scrape.Split('\n')
            .Where(line => (line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
                && labels.All(l => line.Contains(l, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : name.Length)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}

/// <summary>
/// Run alone, after the test classes that run in parallel: OpenTelemetry's meter provider listens to every meter named
/// <c>Broadsheet</c> in the process, so another test's application alive at the same time would have its instruments
/// taken and this one's ignored as duplicates. (A server is one application in its process.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics, alone in the process";
}

/// <summary>The seeded reader with its search index caught up, for the metrics tests alone.</summary>
public sealed class MetricsAppFactory : ReaderAppFactory
{
    protected override async Task AfterSeedAsync() => await Services.GetRequiredService<SearchSync>().CatchUpAsync();
}
