using Broadsheet.Core;
using Broadsheet.Data.Copy;
using Broadsheet.TestKit.Postgres;
using Npgsql;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// `broadsheet backup` and `restore` on PostgreSQL (pg_dump and pg_restore): an installation moved there with `db copy`,
/// backed up, restored into another database and a fresh folder, has every table's rows and checksum and every blob.
/// Needs the server scripts/with-postgres starts; without one it fails, never skips.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class PostgresBackupCommandTests(PublishedDataFixture published) : IClassFixture<PublishedDataFixture>, IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("broadsheet-cli-pgbackup-").FullName;
    private readonly List<string> _databases = [];
    private string _server = "";

    public Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES") ?? "";
        Assert.False(string.IsNullOrEmpty(_server),
            "The PostgreSQL backup tests need a server: run them as scripts/with-postgres dotnet test tests/Broadsheet.Cli.Tests --filter Needs=PostgreSQL.");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_PostgreSQL_installation_backed_up_and_restored_has_every_row_and_blob()
    {
        var data = Path.Combine(_root, "data");
        published.CopyTo(data);
        var source = Database();
        var copy = await BroadsheetProcess.RunAsync("db", "copy", "--from", data, "--to", source);
        Assert.True(copy.ExitCode == 0, copy.Error);
        var backupDir = Path.Combine(_root, "backup");
        var restored = Path.Combine(_root, "restored");
        var target = Database();

        var backup = await BroadsheetProcess.RunAsync("backup", backupDir, "--data", data, "--db", source);
        var restore = await BroadsheetProcess.RunAsync("restore", backupDir, "--data", restored, "--db", target);
        var again = await BroadsheetProcess.RunAsync("restore", backupDir, "--data", Path.Combine(_root, "again"), "--db", target);

        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        Assert.True(File.Exists(Path.Combine(backupDir, "database.pgdump")));
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        var before = await DatabaseCopy.ChecksumsAsync(new DataFolder(data, source));
        var after = await DatabaseCopy.ChecksumsAsync(new DataFolder(restored, target));
        Assert.True(before["Articles"].Rows > 0);
        Assert.Equal(before.OrderBy(t => t.Key, StringComparer.Ordinal), after.OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal(Blobs(data), Blobs(restored));
        // The database restored into holds the installation now: a second restore into it is refused.
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("holds an installation", again.Error, StringComparison.Ordinal);
    }

    private string Database()
    {
        var database = $"{_server};Database=broadsheet_backup_{Guid.NewGuid():N}";
        _databases.Add(database);
        return database;
    }

    private static string Blobs(string data) => string.Join('\n', DataSnapshotLines(data));

    private static IEnumerable<string> DataSnapshotLines(string data)
    {
        var blobs = Path.Combine(data, "blobs");
        return Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(blobs, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal);
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await ThrowawayDatabase.DropAsync(database);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
