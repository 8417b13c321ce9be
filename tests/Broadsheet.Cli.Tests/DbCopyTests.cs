using System.Globalization;
using System.Net;
using Broadsheet.Core;
using Broadsheet.Data.Copy;
using Broadsheet.TestKit.Postgres;
using Npgsql;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// `broadsheet db copy` from a SQLite installation (one imported edition, an admin) to PostgreSQL, and back again into
/// a new SQLite file: every table the same rows by count and checksum at the end as at the start; the copy serves the
/// reader from the same blobs; a second copy into the filled database is refused in one line. Needs the server
/// scripts/with-postgres starts (scripts/test runs this class under it); without one it fails, never skips.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class DbCopyTests(PublishedDataFixture published) : IClassFixture<PublishedDataFixture>, IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("broadsheet-cli-dbcopy-").FullName;
    private string _database = "";

    private string Data => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server),
            "The db copy tests need a PostgreSQL server: run them as scripts/with-postgres dotnet test tests/Broadsheet.Cli.Tests --filter Needs=PostgreSQL "
            + "(scripts/test does), or set BROADSHEET_TEST_POSTGRES to a server's connection string.");
        _database = $"{server};Database=broadsheet_copy_{Guid.NewGuid():N}";
        published.CopyTo(Data);
        var users = await BroadsheetProcess.RunWithInputAsync("a-long-enough-password\n", "users", "add", "chief", "--role", "admin", "--password-stdin", "--data", Data);
        Assert.True(users.ExitCode == 0, users.Error);
    }

    [Fact]
    public async Task A_SQLite_installation_goes_to_PostgreSQL_and_back_with_every_row_the_same()
    {
        var before = await DatabaseCopy.ChecksumsAsync(new DataFolder(Data));

        var copy = await BroadsheetProcess.RunAsync("db", "copy", "--from", Data, "--to", _database);

        Assert.True(copy.ExitCode == 0, copy.Output + copy.Error);
        Assert.Contains("every count and checksum matches", copy.Output, StringComparison.Ordinal);
        Assert.Matches(@"Articles: [1-9][0-9]* rows copied in [0-9.]+ s \([0-9]+ rows/s\)", copy.Output);
        Assert.True(before["Articles"].Rows > 0 && before["Pages"].Rows > 0 && before["AspNetUsers"].Rows == 1, "the installation copied has no edition or user");
        Assert.Equal(before["Articles"].Rows, await CountAsync("Articles"));

        // And back, into a new SQLite file: every table as it was at the start.
        var back = new DataFolder(Data, Path.Combine(_root, "back.db"));
        var again = await DatabaseCopy.RunAsync(new DataFolder(Data, _database), back);
        Assert.All(again, t => Assert.True(t.Matches, t.Table));
        var after = await DatabaseCopy.ChecksumsAsync(back);
        Assert.Equal(before.OrderBy(t => t.Key, StringComparer.Ordinal), after.OrderBy(t => t.Key, StringComparer.Ordinal));

        // The copy is the installation: the search index is built from it alone.
        var reindex = await BroadsheetProcess.RunAsync("reindex", "--data", Data, "--db", _database);
        Assert.True(reindex.ExitCode == 0, reindex.Error);
        Assert.Matches("Search index rebuilt: [1-9][0-9]* articles", reindex.Output);
    }

    [Fact]
    public async Task A_copy_into_a_database_that_holds_rows_is_refused_in_one_line_and_changes_nothing()
    {
        var first = await BroadsheetProcess.RunAsync("db", "copy", "--from", Data, "--to", _database);
        Assert.True(first.ExitCode == 0, first.Error);
        var articles = await CountAsync("Articles");

        var second = await BroadsheetProcess.RunAsync("db", "copy", "--from", Data, "--to", _database);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already holds", second.Error, StringComparison.Ordinal);
        Assert.Single(second.Error.Trim().Split('\n'));
        Assert.Equal(articles, await CountAsync("Articles"));
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await ThrowawayDatabase.DropAsync(_database);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
