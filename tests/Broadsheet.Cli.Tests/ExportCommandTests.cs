using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// <c>broadsheet export</c> on a data folder with one published edition: the reader as files, rewritten only where
/// they change, served by nginx as they are and crawled: every link answers 200 and none points at the app.
/// </summary>
public sealed partial class ExportCommandTests(PublishedDataFixture fixture) : IClassFixture<PublishedDataFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("broadsheet-cli-export-").FullName;

    [Fact]
    public async Task The_export_has_the_reader_as_files_and_a_second_run_rewrites_nothing()
    {
        var (data, site) = await ExportAsync();

        foreach (var file in new[]
        {
            "index.html", "binjiang/index.html", "binjiang/2026-11-02/01/index.html", "binjiang/2026-11-02/01/1/index.html",
            "binjiang/2026-11-02/02-03/index.html", "binjiang/2026/11/index.html", "binjiang/feed.atom", "sitemap.xml",
            "api/v1/publications/binjiang/editions/2026-11-02.json", "api/v1/publications/binjiang/editions/2026-11-02/alto.xml", "search/index.html",
        })
        {
            Assert.True(File.Exists(Path.Combine(site, file)), $"{file} is missing from the export");
        }

        Assert.Contains(Directory.EnumerateFiles(Path.Combine(site, "media"), "*", SearchOption.AllDirectories), f => f.Contains("/tiles/", StringComparison.Ordinal));
        var before = Snapshot(site);

        var again = await BroadsheetProcess.RunAsync("export", site, "--data", data);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains(" 0 files written", again.Output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(site));
    }

    [Fact]
    public async Task Nginx_serves_the_export_and_every_link_answers_200_and_none_points_at_the_app()
    {
        var (_, site) = await ExportAsync();
        Assert.True(File.Exists(Path.Combine(site, "pagefind", "pagefind-ui.js")), "Pagefind built no index on the export");
        var port = FreePort();
        using var nginx = StartNginx(site, port);
        try
        {
            await CrawlAsync(site, port);
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
        }
    }

    private static async Task CrawlAsync(string site, int port)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForAsync(client);

        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<(string Url, string From)>([("/", "(start)")]);
        var pages = 0;
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} (linked from {from}) answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages++;
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match link in Link().Matches(html))
            {
                var target = WebUtility.HtmlDecode(link.Groups[2].Value);
                Assert.False(target.Contains("127.0.0.1", StringComparison.Ordinal) || target.Contains("localhost", StringComparison.Ordinal),
                    $"{url} links to the app: {target}");
                Assert.False(target.StartsWith("/desk", StringComparison.Ordinal) || target.StartsWith("/api/v1/search", StringComparison.Ordinal),
                    $"{url} links to what only the live app answers: {target}");
                if (!target.StartsWith('/') || target.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = target.Split('#')[0];
                if (path.Length > 0 && seen.Add(path))
                {
                    queue.Enqueue((path, url));
                }
            }
        }

        Assert.True(pages > 50, $"the crawl reached only {pages} pages");
        Assert.Contains("/binjiang/2026-11-02/01/1/", seen);
        // The search box asks the export's own search page (Pagefind), not the app.
        Assert.Contains("action=\"/search/\"", await File.ReadAllTextAsync(Path.Combine(site, "binjiang/2026-11-02/01/index.html")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private async Task<(string Data, string Site)> ExportAsync()
    {
        var data = Path.Combine(_work, "data");
        fixture.CopyTo(data);
        var site = Path.Combine(_work, "site");
        var run = await BroadsheetProcess.RunAsync("export", site, "--data", data);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("files written", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not found in the app", run.Output, StringComparison.Ordinal);
        return (data, site);
    }

    private static Dictionary<string, (DateTime, long)> Snapshot(string site) =>
        Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (File.GetLastWriteTimeUtc(f), new FileInfo(f).Length), StringComparer.Ordinal);

    /// <summary>nginx as it comes (Debian's mime types, its default index), nothing but the export's folder as root.</summary>
    private Process StartNginx(string site, int port)
    {
        // nginx's workers run as an unprivileged user and must reach the files.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_work, (UnixFileMode)0b111_101_101);
        }
        Directory.CreateDirectory(Path.Combine(_work, "nginx"));
        var config = Path.Combine(_work, "nginx", "nginx.conf");
        File.WriteAllText(config, $$"""
            worker_processes 1;
            daemon off;
            pid {{_work}}/nginx/nginx.pid;
            error_log {{_work}}/nginx/error.log warn;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{_work}}/nginx;
                proxy_temp_path {{_work}}/nginx;
                fastcgi_temp_path {{_work}}/nginx;
                uwsgi_temp_path {{_work}}/nginx;
                scgi_temp_path {{_work}}/nginx;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{site}};
                }
            }
            """);
        var start = new ProcessStartInfo("nginx") { RedirectStandardError = true };
        foreach (var argument in new[] { "-c", config, "-p", Path.Combine(_work, "nginx"), "-e", Path.Combine(_work, "nginx", "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("nginx did not start (scripts/install-deps --test installs it)");
    }

    private static async Task WaitForAsync(HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("""\b(href|src)="([^"]*)"?""")]
    private static partial Regex Link();
}
