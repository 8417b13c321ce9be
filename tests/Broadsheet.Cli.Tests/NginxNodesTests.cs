using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// nginx with the repository's several-nodes file (deploy/nginx/broadsheet-nodes.conf, docs/operations.md "Several web
/// nodes") in front of two `broadsheet serve` nodes over one PostgreSQL database and one blob folder: readers reach
/// both nodes, a desk publish on one node is what readers see through nginx, and a node killed with SIGKILL under load
/// fails no reader's request. Needs the server scripts/with-postgres starts; without one it fails, never skips.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed partial class NginxNodesTests(NodesInstallation installation, ITestOutputHelper output) : IClassFixture<NodesInstallation>
{
    private static readonly TimeSpan Second1 = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Reads_through_nginx_reach_both_nodes_and_a_desk_publish_on_one_is_what_readers_see()
    {
        var work = Work("publish");
        await using var a = await WebNode.StartAsync(Path.Combine(work, "a"), installation.Shared, installation.Database, output);
        await using var b = await WebNode.StartAsync(Path.Combine(work, "b"), installation.Shared, installation.Database, output);
        await using var nginx = await NginxNodes.StartAsync(Path.Combine(work, "nginx"), Path.Combine(installation.Shared, "blobs"), a.Port, b.Port);
        using var reader = nginx.Client();
        const string page = "/binjiang/2026-11-03/01";

        // Twenty reads through nginx: every one answered, by both nodes.
        var (servedA, servedB) = await ServedByAsync(a, b, async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                using var response = await reader.GetAsync(page);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        });
        output.WriteLine($"20 reads through nginx: {servedA} on A, {servedB} on B");
        Assert.True(servedA >= 5 && servedB >= 5, $"nginx sent {servedA} of 20 reads to node A and {servedB} to node B");

        // The page image comes from the shared blob folder on nginx's disk, not from a node; /metrics is not public.
        var html = await reader.GetStringAsync(page);
        var image = PageImage().Match(html);
        Assert.True(image.Success, "the page view names no page image");
        var (imageA, imageB) = await ServedByAsync(a, b, async () =>
        {
            using var response = await reader.GetAsync(image.Value);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", string.Join(',', response.Headers.GetValues("Cache-Control")), StringComparison.Ordinal);
        }, "media");
        Assert.Equal((0d, 0d), (imageA, imageB));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/metrics")).StatusCode);

        // Withdrawn on A's desk: every read through nginx, whichever node answers it, says 404 within a second.
        using var deskA = new DeskSession(a.Url);
        await deskA.SignInAsync("chief", NodesInstallation.Password);
        await PostAsync(deskA, "/desk/binjiang/2026-11-03", "Withdraw");
        var gone = await UntilEveryNodeAsync(reader, a, b, page, HttpStatusCode.NotFound);
        output.WriteLine($"withdrawn on A: 404 through nginx from both nodes after {gone.TotalMilliseconds:0} ms");
        Assert.True(gone < Second1, $"readers through nginx still got the withdrawn page {gone.TotalMilliseconds:0} ms after A's desk withdrew it");

        // Published on B's desk (A's sign-in is good there): back through nginx, from both nodes, within a second.
        using var deskB = new DeskSession(b.Url, deskA.Cookies);
        await PostAsync(deskB, "/desk/binjiang/2026-11-03", "Publish");
        var back = await UntilEveryNodeAsync(reader, a, b, page, HttpStatusCode.OK);
        output.WriteLine($"published on B: 200 through nginx from both nodes after {back.TotalMilliseconds:0} ms");
        Assert.True(back < Second1, $"readers through nginx still got 404 {back.TotalMilliseconds:0} ms after B's desk published the edition");
    }

    [Fact]
    public async Task A_node_killed_under_load_fails_no_read_through_nginx_and_the_other_carries_it()
    {
        var work = Work("kill");
        await using var a = await WebNode.StartAsync(Path.Combine(work, "a"), installation.Shared, installation.Database, output);
        await using var b = await WebNode.StartAsync(Path.Combine(work, "b"), installation.Shared, installation.Database, output);
        await using var nginx = await NginxNodes.StartAsync(Path.Combine(work, "nginx"), Path.Combine(installation.Shared, "blobs"), a.Port, b.Port);
        using var reader = nginx.Client();
        string[] urls = ["/binjiang/2026-11-02/01", "/binjiang/2026-11-02/02", "/binjiang/2026-11-02/01/1", "/binjiang/2026/11"];
        foreach (var url in urls)
        {
            // Each node renders and caches every page once, so the load measures serving, not first renders.
            for (var i = 0; i < 2; i++)
            {
                using var warm = await reader.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            }
        }

        var failures = new ConcurrentQueue<string>();
        var afterKill = 0;
        var killed = false;
        var total = 0;
        using var stop = new CancellationTokenSource();
        async Task ReadAsync(int client)
        {
            for (var i = client; !stop.IsCancellationRequested; i++)
            {
                var url = urls[i % urls.Length];
                var sentAfterKill = Volatile.Read(ref killed);
                try
                {
                    using var response = await reader.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"{url}: {(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Enqueue($"{url}: {e.Message}");
                }

                Interlocked.Increment(ref total);
                if (sentAfterKill)
                {
                    Interlocked.Increment(ref afterKill);
                }
            }
        }

        var before = await a.RequestsAsync();
        var clients = Enumerable.Range(0, 4).Select(ReadAsync).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var servedByA = await a.RequestsAsync() - before;
        var bAtKill = await b.RequestsAsync();
        await a.KillAsync();
        Volatile.Write(ref killed, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        var servedByB = await b.RequestsAsync() - bAtKill;
        output.WriteLine($"{total} reads through nginx; A served {servedByA} in the 3 s before it was killed; {afterKill} reads sent after the kill "
            + $"in {clock.Elapsed.TotalSeconds:0.0} s, B served {servedByB} reader requests since; failures: {failures.Count}");
        output.WriteLine(nginx.ErrorLog);

        Assert.True(failures.IsEmpty, $"{failures.Count} of {total} reads failed through nginx: {string.Join("; ", failures.Take(5))}");
        Assert.True(servedByA > 0, "node A served nothing before it was killed, so the kill proves nothing");
        Assert.True(afterKill >= 20, $"only {afterKill} reads were sent after the kill");
        // B answered every read sent after the kill.
        Assert.True(servedByB >= afterKill, $"B served {servedByB} reader requests after the kill, fewer than the {afterKill} reads that succeeded");
    }

    private string Work(string name)
    {
        var work = Path.Combine(installation.Root, name);
        Directory.CreateDirectory(work);
        return work;
    }

    /// <summary>How many reader (or <paramref name="routeClass"/>) requests each node counted while <paramref name="act"/> ran.</summary>
    private static async Task<(double A, double B)> ServedByAsync(WebNode a, WebNode b, Func<Task> act, string routeClass = "reader")
    {
        var beforeA = await a.RequestsAsync(routeClass);
        var beforeB = await b.RequestsAsync(routeClass);
        await act();
        return (await a.RequestsAsync(routeClass) - beforeA, await b.RequestsAsync(routeClass) - beforeB);
    }

    /// <summary>
    /// How long after now a read through nginx first answered <paramref name="status"/>, timed from when it was sent; and
    /// then ten reads in a row answer it, among them at least one from each node. Gives up after 30 seconds.
    /// </summary>
    private static async Task<TimeSpan> UntilEveryNodeAsync(HttpClient reader, WebNode a, WebNode b, string url, HttpStatusCode status)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan first;
        while (true)
        {
            var sent = clock.Elapsed;
            using var response = await reader.GetAsync(url);
            if (response.StatusCode == status)
            {
                first = sent;
                break;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{url} through nginx did not answer {(int)status} within 30 seconds");
            await Task.Delay(25);
        }

        var (fromA, fromB) = await ServedByAsync(a, b, async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                using var response = await reader.GetAsync(url);
                Assert.True(response.StatusCode == status, $"read {i + 1} of 10 through nginx after the change answered {(int)response.StatusCode}");
            }
        });
        Assert.True(fromA > 0 && fromB > 0, $"the ten reads after the change went to A {fromA} times and to B {fromB} times");
        return first;
    }

    private static async Task PostAsync(DeskSession desk, string page, string handler)
    {
        var form = await desk.FormAsync(page, handler);
        Assert.True(form.Action is not null, $"{page} has no {handler} form (is the desk signed in on this node?)");
        using var response = await desk.PostAsync(form);
        Assert.True((int)response.StatusCode < 400, $"{handler} on {page} answered {(int)response.StatusCode}");
    }

    [GeneratedRegex("""/media/[^"' ]+/page\.webp""")]
    private static partial Regex PageImage();
}
