using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Broadsheet.Samples;
using Xunit.Abstractions;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// <c>broadsheet serve</c> with <c>Broadsheet:Export:Directory</c> set keeps a static export up to date (issue 17, item 5):
/// a second edition imported while it runs appears in the export without the first edition's files being written again
/// (only its pages whose 下一期 link now names the new one), and the calendar, feeds, sitemap and API list name it; withdrawn
/// at the desk, its files are deleted, its images, tiles and PDFs too, and no file of the export names it any more.
/// </summary>
public sealed class ExportFollowerTests(PublishedDataFixture fixture, ITestOutputHelper output) : IClassFixture<PublishedDataFixture>, IDisposable
{
    private const string Password = "a-long-enough-password";
    private static readonly DateOnly Second = new(2026, 11, 3);
    private readonly string _work = Directory.CreateTempSubdirectory("broadsheet-cli-follow-").FullName;

    private string Data => Path.Combine(_work, "data");

    private string Site => Path.Combine(_work, "site");

    [Fact]
    public async Task A_running_server_exports_a_new_edition_alone_and_deletes_it_when_withdrawn()
    {
        fixture.CopyTo(Data);
        var second = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 12, Date = Second, PageCount = 4 }, Path.Combine(_work, "2026-11-03"));
        var users = await BroadsheetProcess.RunWithInputAsync(Password + "\n", "users", "add", "chief", "--role", "admin", "--password-stdin", "--data", Data);
        Assert.True(users.ExitCode == 0, users.Error);

        await using var server = await ServerAsync();
        var state = Path.Combine(Data, "export-state.json");
        await UntilAsync(() => File.Exists(state), "the first export", server);
        Assert.True(File.Exists(Path.Combine(Site, "binjiang/2026-11-02/01/1/index.html")), "the first export has no article page");
        Assert.True(Directory.Exists(Path.Combine(Site, "pagefind")), "Pagefind built no index on the export");
        var before = Snapshot();

        // Published by another process, as a night's import by the command line is.
        var import = await BroadsheetProcess.RunAsync("import", second.Directory, "--publication", "binjiang", "--quiet", "--data", Data);
        Assert.True(import.ExitCode == 0, import.Error);
        await UntilAsync(() => File.ReadAllText(state).Contains("binjiang|2026-11-03|1\":\"Published", StringComparison.Ordinal), "the new edition's export", server);

        foreach (var file in new[] { "binjiang/2026-11-03/01/index.html", "binjiang/2026-11-03/01/1/index.html", "api/v1/publications/binjiang/editions/2026-11-03.json" })
        {
            Assert.True(File.Exists(Path.Combine(Site, file)), $"{file} is missing from the export after the new edition was published");
        }

        foreach (var lister in new[] { "binjiang/2026/11/index.html", "binjiang/feed.atom", "sitemaps/binjiang/2026-11.xml", "api/v1/publications/binjiang/editions.json" })
        {
            Assert.Contains("2026-11-03", await File.ReadAllTextAsync(Path.Combine(Site, lister)), StringComparison.Ordinal);
        }

        // The first edition's files: kept as they were, but for the pages whose 上一期/下一期 link now names the new one.
        var after = Snapshot();
        var rewritten = before.Keys.Where(f => after.TryGetValue(f, out var now) && now != before[f] && !f.Contains("/pagefind/", StringComparison.Ordinal)).ToList();
        var ofFirst = before.Keys.Where(f => f.Contains("2026-11-02", StringComparison.Ordinal) || f.Contains("/media/", StringComparison.Ordinal) || f.Contains("/iiif/3/", StringComparison.Ordinal)).ToList();
        var firstRewritten = rewritten.Where(ofFirst.Contains).ToList();
        output.WriteLine($"{rewritten.Count} of {before.Count} files rewritten; of the first edition's {ofFirst.Count}: {firstRewritten.Count}");
        foreach (var file in firstRewritten)
        {
            Assert.True(file.EndsWith(".html", StringComparison.Ordinal) && (await File.ReadAllTextAsync(file)).Contains("/binjiang/2026-11-03/", StringComparison.Ordinal),
                $"{Path.GetRelativePath(Site, file)} of the first edition was rewritten and does not link to the new edition");
        }

        Assert.True(firstRewritten.Count < ofFirst.Count / 4, $"{firstRewritten.Count} of the first edition's {ofFirst.Count} files were rewritten");
        Assert.DoesNotContain(rewritten, f => f.Contains("/media/", StringComparison.Ordinal) || f.Contains("/iiif/3/", StringComparison.Ordinal));

        // Its images, tiles and PDFs (it shares none with the first edition), as its JSON names them.
        var firstMedia = MediaOf(await File.ReadAllTextAsync(Path.Combine(Site, "api/v1/publications/binjiang/editions/2026-11-02.json")));
        var ownMedia = MediaOf(await File.ReadAllTextAsync(Path.Combine(Site, "api/v1/publications/binjiang/editions/2026-11-03.json")));
        Assert.NotEmpty(ownMedia);
        Assert.All(ownMedia, m => Assert.True(MediaExists(m), $"{m} of the new edition is not in the export"));

        // Withdrawn at the desk: gone from the export, media and all, and nothing there names it.
        using (var desk = new DeskSession(server.Url))
        {
            await desk.SignInAsync("chief", Password);
            var form = await desk.FormAsync("/desk/binjiang/2026-11-03", "Withdraw");
            Assert.True(form.Action is not null, "the edition's desk page has no Withdraw form");
            using var withdrawn = await desk.PostAsync(form);
            Assert.True((int)withdrawn.StatusCode < 400, $"withdrawing answered {(int)withdrawn.StatusCode}");
        }

        await UntilAsync(() => File.ReadAllText(state).Contains("binjiang|2026-11-03|1\":\"Withdrawn", StringComparison.Ordinal), "the withdrawal's export", server);
        Assert.False(Directory.Exists(Path.Combine(Site, "binjiang/2026-11-03")), "the withdrawn edition's pages are still in the export");
        Assert.False(File.Exists(Path.Combine(Site, "api/v1/publications/binjiang/editions/2026-11-03.json")), "the withdrawn edition's JSON is still in the export");
        Assert.All(ownMedia, m => Assert.False(MediaExists(m), $"{m} of the withdrawn edition is still in the export"));
        Assert.All(firstMedia, m => Assert.True(MediaExists(m), $"{m} of the first edition went with the withdrawn one"));
        foreach (var file in Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/pagefind/", StringComparison.Ordinal) && !f.Contains("/media/", StringComparison.Ordinal) && !f.EndsWith(".zip", StringComparison.Ordinal)))
        {
            Assert.False((await File.ReadAllTextAsync(file)).Contains("2026-11-03", StringComparison.Ordinal), $"{Path.GetRelativePath(Site, file)} still names the withdrawn edition");
        }
    }

    public void Dispose() => GeneratedEditionFixture.DeleteQuietly(_work);

    /// <summary>The media an edition's JSON names: its pages' image folders (images, photos, tiles) and PDFs.</summary>
    private static HashSet<string> MediaOf(string json) =>
        [.. Regex.Matches(json, @"/media/(pages/[^/""]+/[^/""]+|pdf/[^""]+?\.pdf)").Select(m => m.Groups[1].Value)];

    private bool MediaExists(string unit) =>
        unit.StartsWith("pdf/", StringComparison.Ordinal)
            ? File.Exists(Path.Combine(Site, "media", unit))
            : Directory.Exists(Path.Combine(Site, "media", unit)) || Directory.Exists(Path.Combine(Site, "iiif/3", unit));

    private Dictionary<string, (DateTime, long)> Snapshot() =>
        Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (File.GetLastWriteTimeUtc(f), new FileInfo(f).Length), StringComparer.Ordinal);

    private static async Task UntilAsync(Func<bool> done, string what, Server server)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.False(server.Exited, $"the server stopped before {what}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(6), $"{what} did not happen within 6 minutes");
            await Task.Delay(250);
        }
    }

    private async Task<Server> ServerAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = "http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        listener.Stop();
        Directory.CreateDirectory(Path.Combine(_work, "home"));
        var start = BroadsheetProcess.StartInfo(null, ["serve", "--data", Data, "--urls", url]);
        start.Environment["Broadsheet__Export__Directory"] = Site;
        start.Environment["Broadsheet__Export__PollSeconds"] = "1";
        start.Environment["HOME"] = Path.Combine(_work, "home");
        start.Environment["Logging__LogLevel__Broadsheet.Web.OpenData.Export"] = "Debug";
        return new Server(Process.Start(start)!, url, output);
    }

    private sealed class Server(Process process, string url, ITestOutputHelper output) : IAsyncDisposable
    {
        private readonly Task<string> _log = process.StandardOutput.ReadToEndAsync();
        private readonly Task<string> _error = process.StandardError.ReadToEndAsync();

        public string Url { get; } = url;

        public bool Exited => process.HasExited;

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            output.WriteLine($"server: {await _log}\n{await _error}");
            process.Dispose();
        }
    }
}
