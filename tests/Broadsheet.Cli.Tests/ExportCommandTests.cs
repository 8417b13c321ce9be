using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Broadsheet.Samples;
using Broadsheet.TestKit.Nginx;

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

        // A URL the app redirects to a file (the edition's PDF) is that file in the export, not an HTML page leading to it.
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(Path.Combine(site, "binjiang/2026-11-02/edition.pdf"))[..4]);

        // The tiles are written once, where IIIF viewers and the reader's deep zoom both read them.
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(site, "media"), "*", SearchOption.AllDirectories), f => f.Contains("/tiles/", StringComparison.Ordinal));
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(site, "iiif", "3"), "*.jpg", SearchOption.AllDirectories), f => f.EndsWith("/0/default.jpg", StringComparison.Ordinal));
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
        var older = before.Keys.Where(f => f.Contains("2026-11-02", StringComparison.Ordinal) || f.Contains("/media/", StringComparison.Ordinal) || f.Contains("/iiif/3/", StringComparison.Ordinal)).ToList();
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

    [Fact]
    public async Task A_day_s_second_edition_is_exported_apart_and_once_withdrawn_nothing_of_it_is_left()
    {
        var data = Path.Combine(_work, "data");
        fixture.CopyTo(data);
        // The day's second edition: a page of its own, and the first edition's front page as it was (the same PDF, so
        // the same images and tiles, which must outlive the second edition).
        var package = Path.Combine(_work, "second");
        var generated = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 13, Date = PublishedDataFixture.Date, PageCount = 4 }, package);
        File.Delete(generated.Pages[0].PdfPath);
        File.Delete(generated.Pages[0].TruthPath);
        File.Copy(fixture.Edition.Pages[0].PdfPath, Path.Combine(package, Path.GetFileName(fixture.Edition.Pages[0].PdfPath)));
        await File.WriteAllTextAsync(Path.Combine(package, "edition.json"), """{ "publication": "binjiang", "date": "2026-11-02", "edition": 2 }""");
        var import = await BroadsheetProcess.RunAsync("import", package, "--publication", "binjiang", "--quiet", "--data", data);
        Assert.True(import.ExitCode == 0, import.Error);

        var port = FreePort();
        var site = Path.Combine(_work, "site");
        var first = await BroadsheetProcess.RunAsync("export", site, "--data", data, "--public-url", $"http://127.0.0.1:{port}");
        Assert.True(first.ExitCode == 0, first.Error);
        // Every link of it leads somewhere: its reader pages are its own (2026-11-02_2), as its JSON names them.
        Assert.DoesNotMatch(NotFound(), first.Output);

        // Its own files, as the app names it (the reader's and IIIF's 2026-11-02_2, the API's ?number=2), and the API's
        // list links them.
        const string api = "api/v1/publications/binjiang/editions/";
        const string reader = "binjiang/2026-11-02_2/";
        foreach (var file in new[]
        {
            api + "2026-11-02_2.json", api + "2026-11-02_2/text.json", api + "2026-11-02_2/alto.xml", "iiif/binjiang/2026-11-02_2/manifest.json",
            reader + "01/index.html", reader + "01/1/index.html", reader + "02-03/index.html", reader + "edition.pdf", reader + "edition.epub",
        })
        {
            Assert.True(File.Exists(Path.Combine(site, file)), $"{file} is missing from the export");
        }

        // The day's first edition names it in its masthead and calendar; its pages name themselves and not the first's.
        var dayPage = await File.ReadAllTextAsync(Path.Combine(site, "binjiang/2026-11-02/01/index.html"));
        Assert.Contains("href=\"/binjiang/2026-11-02_2/01/\"", dayPage, StringComparison.Ordinal);
        var laterArticle = await File.ReadAllTextAsync(Path.Combine(site, reader + "01/1/index.html"));
        Assert.Contains("href=\"/binjiang/2026-11-02_2/01/\"", laterArticle, StringComparison.Ordinal);
        Assert.Contains("data-pagefind-body", laterArticle, StringComparison.Ordinal);
                // The edition's PDF is the PDF, not a page that redirects to it: a static host answers it as a file.
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(Path.Combine(site, reader + "edition.pdf"))[..4]);

        var secondJson = await File.ReadAllTextAsync(Path.Combine(site, api + "2026-11-02_2.json"));
        var firstJson = await File.ReadAllTextAsync(Path.Combine(site, api + "2026-11-02.json"));
        Assert.Contains("\"number\":2", secondJson, StringComparison.Ordinal);
        // Its JSON names its reader pages, which the export has.
        Assert.Contains("/binjiang/2026-11-02_2/01/1/", secondJson, StringComparison.Ordinal);
        Assert.Contains("\"number\":1", firstJson, StringComparison.Ordinal);
        Assert.Contains("/" + api + "2026-11-02_2.json", await File.ReadAllTextAsync(Path.Combine(site, "api/v1/publications/binjiang/editions.json")), StringComparison.Ordinal);
        Assert.Contains("/" + api + "2026-11-02_2/alto.xml", await File.ReadAllTextAsync(Path.Combine(site, api + "2026-11-02_2/text.json")), StringComparison.Ordinal);
        var firstMedia = MediaOf(firstJson);
        var secondMedia = MediaOf(secondJson);
        var shared = secondMedia.Intersect(firstMedia).ToList();
        var own = secondMedia.Except(firstMedia).ToList();
        Assert.True(shared.Count > 0 && own.Count > 0, $"shared {shared.Count}, own {own.Count} of the second edition's media");
        Assert.All(secondMedia, m => Assert.True(MediaExists(site, m), $"{m} of the second edition is not in the export"));

        using (var nginx = StartNginx(site, port))
        {
            try
            {
                var seen = await CrawlAsync(site, port);
                Assert.Contains("/" + api + "2026-11-02_2.json", seen);
                Assert.Contains("/binjiang/2026-11-02_2/01/", seen);
                Assert.Contains("/binjiang/2026-11-02_2/03/1/", seen);
                Assert.Contains("/binjiang/2026-11-02_2/02-03/", seen);
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                using var pdf = await client.GetAsync(new Uri("/binjiang/2026-11-02_2/edition.pdf", UriKind.Relative));
                Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
                Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
                Assert.Contains("/iiif/binjiang/2026-11-02_2/manifest.json", seen);
                await DeepZoomAsync(site, port);
            }
            finally
            {
                nginx.Kill(entireProcessTree: true);
            }
        }

        await WithdrawAsync(data, "/desk/binjiang/2026-11-02?n=2");
        var again = await BroadsheetProcess.RunAsync("export", site, "--data", data, "--public-url", $"http://127.0.0.1:{port}");
        Assert.True(again.ExitCode == 0, again.Error);

        // Nothing of it is left: its documents, its own images, tiles and PDFs; the front page it shared stays.
        Assert.False(File.Exists(Path.Combine(site, api + "2026-11-02_2.json")), "the withdrawn edition's JSON is still in the export; the export said: " + again.Output);
        Assert.False(Directory.Exists(Path.Combine(site, api + "2026-11-02_2")), "the withdrawn edition's text and ALTO are still in the export");
        Assert.False(Directory.Exists(Path.Combine(site, "iiif/binjiang/2026-11-02_2")), "the withdrawn edition's IIIF manifest is still in the export");
        Assert.False(Directory.Exists(Path.Combine(site, reader.TrimEnd('/'))), "the withdrawn edition's reader pages are still in the export");
        Assert.All(own, m => Assert.False(MediaExists(site, m), $"{m}, the withdrawn edition's own, is still in the export"));
        Assert.All(firstMedia, m => Assert.True(MediaExists(site, m), $"{m} of the first edition went with the withdrawn one"));
        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/pagefind/", StringComparison.Ordinal) && !f.Contains("/media/", StringComparison.Ordinal) && !f.Contains("/iiif/3/", StringComparison.Ordinal)
                && !f.EndsWith(".zip", StringComparison.Ordinal) && !f.EndsWith(".epub", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.False(text.Contains("2026-11-02_2", StringComparison.Ordinal) || text.Contains("number=2", StringComparison.Ordinal) || own.Any(m => text.Contains(m, StringComparison.Ordinal)),
                $"{Path.GetRelativePath(site, file)} still names the withdrawn edition");
        }

        using (var nginx = StartNginx(site, port))
        {
            try
            {
                await CrawlAsync(site, port);
            }
            finally
            {
                nginx.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>
    /// The reader's deep zoom asks for the page's tiles where IIIF viewers do (the export keeps them once): its info.json
    /// and a tile it lists answer through nginx.
    /// </summary>
    private static async Task DeepZoomAsync(string site, int port)
    {
        var page = await File.ReadAllTextAsync(Path.Combine(site, "binjiang/2026-11-02/01/index.html"));
        var tiles = DataTiles().Match(page);
        Assert.True(tiles.Success, "the page view names no tiles");
        Assert.StartsWith("/iiif/3/pages/", tiles.Groups[1].Value, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var info = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri(tiles.Groups[1].Value, UriKind.Relative)));
        var tile = info.RootElement.GetProperty("tiles")[0];
        var width = tile.GetProperty("width").GetInt32();
        var height = tile.TryGetProperty("height", out var h) ? h.GetInt32() : width;
        var scale = tile.GetProperty("scaleFactors")[0].GetInt32();
        // Image API 3 names a level-0 tile's size by width and height ("512,512").
        var url = tiles.Groups[1].Value.Replace("/info.json", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/0,0,{width * scale},{height * scale}/{width},{height}/0/default.jpg"), StringComparison.Ordinal);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the tile {url} answered {(int)response.StatusCode}");
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Withdraws an edition at the desk of a server started for it on the data folder, then stops the server.</summary>
    private static async Task WithdrawAsync(string data, string deskPage)
    {
        const string password = "a-long-enough-password";
        var users = await BroadsheetProcess.RunWithInputAsync(password + "\n", "users", "add", "chief", "--role", "admin", "--password-stdin", "--data", data);
        Assert.True(users.ExitCode == 0, users.Error);
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = BroadsheetProcess.StartInfo(null, ["serve", "--data", data, "--urls", url]);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        using var server = Process.Start(start)!;
        try
        {
            using (var probe = new HttpClient { BaseAddress = new Uri(url) })
            {
                await WaitForAsync(probe);
            }

            using var desk = new DeskSession(url);
            await desk.SignInAsync("chief", password);
            var form = await desk.FormAsync(deskPage, "Withdraw");
            Assert.True(form.Action is not null, $"{deskPage} has no Withdraw form");
            using var withdrawn = await desk.PostAsync(form);
            Assert.True((int)withdrawn.StatusCode < 400, $"withdrawing answered {(int)withdrawn.StatusCode}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>The media an edition's JSON names: its pages' image folders (images, photos, tiles) and PDFs.</summary>
    private static HashSet<string> MediaOf(string json) =>
        [.. MediaUnit().Matches(json).Select(m => m.Groups[1].Value)];

    private static bool MediaExists(string site, string unit) =>
        unit.StartsWith("pdf/", StringComparison.Ordinal)
            ? File.Exists(Path.Combine(site, "media", unit))
            : Directory.Exists(Path.Combine(site, "media", unit)) || Directory.Exists(Path.Combine(site, "iiif/3", unit));

    /// <param name="appMissing">Links the app itself answers 404 (left out of the export, and said so).</param>
    private static async Task<HashSet<string>> CrawlAsync(string site, int port, IReadOnlySet<string>? appMissing = null)
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
            if (appMissing?.Contains(url.TrimEnd('/')) == true)
            {
                continue;
            }

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
        return seen;
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
        Directory.CreateDirectory(Path.Combine(_work, "nginx"));
        var config = Path.Combine(_work, "nginx", "nginx.conf");
        File.WriteAllText(config, $$"""
            {{NginxProcess.UserLine}}
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

    [GeneratedRegex(@"/media/(pages/[^/""]+/[^/""]+|pdf/[^""]+?\.pdf)")]
    private static partial Regex MediaUnit();

    [GeneratedRegex(@"not found in the app, left out: (\S+) \(404\)")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"data-tiles=""([^""]+)""")]
    private static partial Regex DataTiles();

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex XmlUrl();
}
