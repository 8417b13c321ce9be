using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// `broadsheet serve` as one of several web nodes: the shared data folder and database, its own index and home folder,
/// and the stamp watcher's polling off, so only the database's notices can carry a change between the nodes.
/// </summary>
internal sealed class WebNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _log;
    private readonly Task<string> _error;
    private readonly ITestOutputHelper _output;

    private WebNode(Process process, string url, ITestOutputHelper output)
    {
        _process = process;
        Url = url;
        _output = output;
        _log = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public string Url { get; }

    public int Port => new Uri(Url).Port;

    /// <summary>How often a node looks for scheduled editions (15 s unless set): short, so a test waits seconds, not a minute.</summary>
    public const int SchedulePollSeconds = 2;

    public static async Task<WebNode> StartAsync(string own, string shared, string database, ITestOutputHelper output)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.Combine(own, "home"));
        var start = BroadsheetProcess.StartInfo(null, ["serve", "--data", shared, "--db", database, "--urls", url]);
        start.Environment["Broadsheet__Index"] = Path.Combine(own, "index");
        start.Environment["Broadsheet__ReaderCache__PollSeconds"] = "0";
        start.Environment["Broadsheet__Schedule__PollSeconds"] = SchedulePollSeconds.ToString(CultureInfo.InvariantCulture);
        start.Environment["HOME"] = Path.Combine(own, "home");
        var node = new WebNode(Process.Start(start)!, url, output);
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (node._process.HasExited)
            {
                Assert.Fail($"the node stopped: {await node._log} {await node._error}");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the node did not answer within 5 minutes");
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Requests of one route class (<c>reader</c>, <c>media</c> …) this node has answered, any status (its own <c>/metrics</c>, read from loopback).</summary>
    public async Task<double> RequestsAsync(string routeClass = "reader")
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url) };
        var scrape = await client.GetStringAsync("/metrics");
        const string name = "broadsheet_http_requests_total{";
        return scrape.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains($"route_class=\"{routeClass}\"", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
    }

    /// <summary>Ends the node as <c>kill -9</c> does: no shutdown, connections dropped mid-way.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _output.WriteLine($"node {Url}: {await _log}\n{await _error}");
        _process.Dispose();
    }
}
