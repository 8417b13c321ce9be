using System.Globalization;
using Broadsheet.Samples;
using Broadsheet.TestKit.Postgres;
using Npgsql;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// One installation for several web nodes: a PostgreSQL database of its own on the server scripts/with-postgres starts,
/// one shared data folder (the blobs), two imported 4-page editions (2026-11-02 and 2026-11-03) and a desk admin.
/// Without a server it fails, never skips.
/// </summary>
public sealed class NodesInstallation : IAsyncLifetime
{
    public const string Password = "a-long-enough-password";
    public const string Slug = "binjiang";

    public string Root { get; } = Directory.CreateTempSubdirectory("broadsheet-cli-nginx-nodes-").FullName;

    public string Database { get; private set; } = "";

    public string Shared => Path.Combine(Root, "shared");

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server),
            "These tests need a PostgreSQL server: run them as scripts/with-postgres dotnet test tests/Broadsheet.Cli.Tests --filter Needs=PostgreSQL "
            + "(scripts/test does), or set BROADSHEET_TEST_POSTGRES to a server's connection string.");
        Database = $"{server};Database=broadsheet_nginx_{Guid.NewGuid():N}";
        // nginx's workers run as an unprivileged user and read the blobs from the shared folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        }
        await RunAsync("publication", "add", Slug, "--name", "滨江日报");
        foreach (var date in new[] { new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3) })
        {
            var package = Path.Combine(Root, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, Date = date, PageCount = 4 }, package);
            await RunAsync("import", package, "--publication", Slug, "--quiet");
        }

        var users = await BroadsheetProcess.RunWithInputAsync(Password + "\n", "users", "add", "chief", "--role", "admin", "--password-stdin", "--data", Shared, "--db", Database);
        Assert.True(users.ExitCode == 0, users.Error);
    }

    private async Task RunAsync(params string[] arguments)
    {
        var run = await BroadsheetProcess.RunAsync([.. arguments, "--data", Shared, "--db", Database]);
        Assert.True(run.ExitCode == 0, $"broadsheet {arguments[0]} failed: {run.Error}");
    }

    public async Task DisposeAsync()
    {
        await ThrowawayDatabase.DropAsync(Database);

        Directory.Delete(Root, recursive: true);
    }
}
