using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Broadsheet.Samples;

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
    public async Task Since_fetches_only_the_new_edition_and_keeps_the_older_files_as_they_were()
    {
        var (data, site) = await ExportAsync();
        var second = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 12, Date = new DateOnly(2026, 11, 3), PageCount = 4 }, Path.Combine(_work, "2026-11-03"));
        var import = await BroadsheetProcess.RunAsync("import", second.Directory, "--publication", "binjiang", "--quiet", "--data", data);
        Assert.True(import.ExitCode == 0, import.Error);
        var before = Snapshot(site);

        var run = await BroadsheetProcess.RunAsync("export", site, "--since", "2026-11-03", "--data", data);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("not found in the app", run.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "binjiang/2026-11-03/01/index.html", "binjiang/2026-11-03/01/1/index.html", "api/v1/publications/binjiang/editions/2026-11-03.json" })
        {
            Assert.True(File.Exists(Path.Combine(site, file)), $"{file} is missing after export --since 2026-11-03");
        }

        foreach (var lister in new[] { "binjiang/2026/11/index.html", "binjiang/feed.atom", "sitemaps/binjiang/2026-11.xml", "api/v1/publications/binjiang/editions.json" })
        {
            Assert.Contains("2026-11-03", await File.ReadAllTextAsync(Path.Combine(site, lister)), StringComparison.Ordinal);
        }

        // The older edition's files, its images and tiles: not fetched, not written.
        var after = Snapshot(site);
        var older = before.Keys.Where(f => f.Contains("2026-11-02", StringComparison.Ordinal) || f.Contains("/media/", StringComparison.Ordinal)).ToList();
        Assert.True(older.Count > 100, $"only {older.Count} files of the older edition");
        Assert.All(older, f => Assert.True(after[f] == before[f], $"{Path.GetRelativePath(site, f)} was rewritten by export --since"));
        Assert.Matches(@"[1-9]\d* kept without fetching", run.Output);
    }

    [Fact]
    public async Task Nginx_serves_the_export_and_every_link_answers_200_and_none_points_at_the_app()
    {
        var port = FreePort();
        var (_, site) = await ExportAsync("--public-url", $"http://127.0.0.1:{port}");
        Assert.True(File.Exists(Path.Combine(site, "pagefind", "pagefind-ui.js")), "Pagefind built no index on the export");
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

        var origin = client.BaseAddress.GetLeftPart(UriPartial.Authority);
        // Search engines start from the sitemap, integrators from the API's list and IIIF's collection (docs/api.md):
        // no page links to them.
        string[] starts = ["/", "/sitemap.xml", "/api/v1/publications/binjiang/editions.json", "/iiif/binjiang.json"];
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>(starts.Select(s => (s, "(start)")));
        var pages = 0;
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} (linked from {from}) answered {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            IEnumerable<string> targets;
            if (type == "text/html")
            {
                pages++;
                targets = Link().Matches(await response.Content.ReadAsStringAsync()).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value));
            }
            else if (type.Contains("json", StringComparison.Ordinal))
            {
                // Every string of the document that is a URL: the API's root-relative ones, IIIF's absolute ones.
                targets = JsonUrl().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value);
            }
            else if (type.Contains("xml", StringComparison.Ordinal))
            {
                // Sitemaps' <loc>, feeds' links, ALTO's references.
                var xml = await response.Content.ReadAsStringAsync();
                targets = XmlUrl().Matches(xml).Select(m => WebUtility.HtmlDecode(m.Value)).Concat(Link().Matches(xml).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)));
            }
            else
            {
                continue;
            }

            documents[type] = documents.GetValueOrDefault(type) + 1;
            foreach (var written in targets)
            {
                var target = written.StartsWith(origin + "/", StringComparison.Ordinal) ? written[origin.Length..] : written;
                Assert.False(target.Contains("127.0.0.1", StringComparison.Ordinal) || target.Contains("localhost", StringComparison.Ordinal),
                    $"{url} links to the app: {target}");
                Assert.False(target.StartsWith("/desk", StringComparison.Ordinal) || target.StartsWith("/api/v1/search", StringComparison.Ordinal),
                    $"{url} links to what only the live app answers: {target}");
                if (!target.StartsWith('/') || target.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = target.Split('#')[0];
                // IIIF Presentation 3 asks only collections, manifests and canvases to be dereferenceable: the ids of a
                // canvas's annotation pages and annotations and of ranges are names.
                if (IiifIdentifier().IsMatch(path))
                {
                    continue;
                }

                // A IIIF image service is named by its base; viewers read its info.json.
                if (path.StartsWith("/iiif/3/", StringComparison.Ordinal) && !Path.HasExtension(path))
                {
                    path += "/info.json";
                }

                if (path.Length > 0 && seen.Add(path))
                {
                    queue.Enqueue((path, url));
                }
            }
        }

        Assert.True(pages > 50, $"the crawl reached only {pages} pages");
        foreach (var type in new[] { "application/json", "text/xml", "application/atom+xml" })
        {
            Assert.True(documents.GetValueOrDefault(type) > 0, $"the crawl read no {type}: {string.Join(", ", documents.Select(d => $"{d.Key} {d.Value}"))}");
        }

        Assert.Contains("/sitemaps/binjiang/2026-11.xml", seen);
        var json = string.Join(' ', seen.Where(p => p.EndsWith(".json", StringComparison.Ordinal) && !p.StartsWith("/media/", StringComparison.Ordinal)));
        Assert.True(seen.Contains("/api/v1/publications/binjiang/editions/2026-11-02/text.json"), $"the crawl did not reach the edition's text; JSON it read: {json}");
        Assert.True(seen.Contains("/iiif/binjiang/2026-11-02/manifest.json"), $"the crawl did not reach the edition's IIIF manifest; JSON it read: {json}");
        Assert.Contains("/binjiang/2026-11-02/01/1/", seen);
        // The search box asks the export's own search page (Pagefind), not the app.
        Assert.Contains("action=\"/search/\"", await File.ReadAllTextAsync(Path.Combine(site, "binjiang/2026-11-02/01/index.html")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private async Task<(string Data, string Site)> ExportAsync(params string[] options)
    {
        var data = Path.Combine(_work, "data");
        fixture.CopyTo(data);
        var site = Path.Combine(_work, "site");
        var run = await BroadsheetProcess.RunAsync(["export", site, "--data", data, .. options]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("files written", run.Output, StringComparison.Ordinal);
        Assert.False(run.Output.Contains("not found in the app", StringComparison.Ordinal), run.Output);
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

    [GeneratedRegex("""
        "((?:https?://|/)[^"\s]*)"
        """)]
    private static partial Regex JsonUrl();

    [GeneratedRegex(@"^/iiif/[^/]+/[^/]+/(canvas/[^/]+/.+|range(/.*)?)$")]
    private static partial Regex IiifIdentifier();

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex XmlUrl();
}
