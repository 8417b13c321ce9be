using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// `broadsheet backup` and `broadsheet restore` on SQLite: a round trip gives every row of every table and every blob
/// back, and the restored installation serves the edition; a damaged backup, or an installation already there, is
/// refused in one line that names the file or folder, with nothing changed.
/// </summary>
public sealed partial class BackupCommandTests(PublishedDataFixture published) : IClassFixture<PublishedDataFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("broadsheet-cli-backup-").FullName;

    private string Data => Path.Combine(_root, "data");

    private string Backup => Path.Combine(_root, "backup");

    private string Restored => Path.Combine(_root, "restored");

    [Fact]
    public async Task A_backup_restored_into_a_fresh_folder_has_every_row_and_blob_and_serves_the_edition()
    {
        await PrepareAsync();
        var before = DataSnapshot.Take(Data);

        var backup = await BroadsheetProcess.RunAsync("backup", Backup, "--data", Data);
        var restore = await BroadsheetProcess.RunAsync("restore", Backup, "--data", Restored);

        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        Assert.Equal(before, DataSnapshot.Take(Data));
        Assert.Equal(before, DataSnapshot.Take(Restored));
        Assert.Contains("AspNetUsers: ", before, StringComparison.Ordinal);
        Assert.Contains("blob: pages", before, StringComparison.Ordinal);

        // The manifest names every blob with the hash the installation's own file has.
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Backup, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
        var blobs = Directory.EnumerateFiles(Path.Combine(Data, "blobs"), "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(blobs);
        Assert.All(blobs, blob => Assert.Equal(Sha256(blob), listed["blobs/" + Path.GetRelativePath(Path.Combine(Data, "blobs"), blob).Replace('\\', '/')]));
        Assert.True(manifest.RootElement.GetProperty("rows").GetProperty("Articles").GetInt64() > 0);

        // The restored installation is served: the page, its image, and ready (the search index rebuilt from the database).
        await using var server = await Server.StartAsync(Restored);
        var html = await server.Client.GetStringAsync(new Uri("/binjiang/2026-11-02/01", UriKind.Relative));
        var image = MediaLink().Match(html);
        Assert.True(image.Success, "the restored page shows no page image");
        using var picture = await server.Client.GetAsync(new Uri(WebUtility.HtmlDecode(image.Value), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_in_one_line_naming_the_file_and_nothing_is_restored()
    {
        await PrepareAsync();
        var backup = await BroadsheetProcess.RunAsync("backup", Backup, "--data", Data, "--quiet");
        Assert.True(backup.ExitCode == 0, backup.Error);
        var damaged = Directory.EnumerateFiles(Path.Combine(Backup, "blobs"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var bytes = await File.ReadAllBytesAsync(damaged);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(damaged, bytes);

        var restore = await BroadsheetProcess.RunAsync("restore", Backup, "--data", Restored);

        Assert.Equal(1, restore.ExitCode);
        var line = Assert.Single(restore.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("broadsheet: " + damaged + ": damaged", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Restored) && Directory.EnumerateFileSystemEntries(Restored).Any(), "the refused restore left files in the target");
    }

    [Fact]
    public async Task A_restore_over_an_installation_is_refused_without_force_and_replaces_it_with_force()
    {
        await PrepareAsync();
        var backup = await BroadsheetProcess.RunAsync("backup", Backup, "--data", Data, "--quiet");
        Assert.True(backup.ExitCode == 0, backup.Error);
        var other = await BroadsheetProcess.RunAsync("publication", "add", "other", "--name", "Other Times", "--data", Restored);
        Assert.True(other.ExitCode == 0, other.Error);
        var before = DataSnapshot.Take(Restored);

        var refused = await BroadsheetProcess.RunAsync("restore", Backup, "--data", Restored);

        Assert.Equal(1, refused.ExitCode);
        var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.Combine(Restored, "broadsheet.db") + ": holds an installation", line, StringComparison.Ordinal);
        Assert.Contains("--force", line, StringComparison.Ordinal);
        Assert.Equal(before, DataSnapshot.Take(Restored));

        var forced = await BroadsheetProcess.RunAsync("restore", Backup, "--data", Restored, "--force", "--quiet");

        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Equal(DataSnapshot.Take(Data), DataSnapshot.Take(Restored));
    }

    private async Task PrepareAsync()
    {
        published.CopyTo(Data);
        var users = await BroadsheetProcess.RunWithInputAsync("a-long-enough-password\n", "users", "add", "chief", "--role", "admin", "--password-stdin", "--data", Data);
        Assert.True(users.ExitCode == 0, users.Error);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [GeneratedRegex("/media/[^\"' ]+\\.(?:jpg|webp)")]
    private static partial Regex MediaLink();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>`broadsheet serve` on a loopback port, once it answers ready.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;

        private Server(Process process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public static async Task<Server> StartAsync(string data)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var url = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
            var process = Process.Start(BroadsheetProcess.StartInfo(null, ["serve", "--data", data, "--urls", url]))!;
            var log = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var server = new Server(process, new HttpClient { BaseAddress = new Uri(url) });
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    Assert.Fail($"the server stopped: {await log} {await error}");
                }

                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the restored installation was not ready within 5 minutes");
                try
                {
                    using var ready = await server.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    if (ready.StatusCode == HttpStatusCode.OK && !(await ready.Content.ReadAsStringAsync()).Contains("Degraded", StringComparison.Ordinal))
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(200);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
