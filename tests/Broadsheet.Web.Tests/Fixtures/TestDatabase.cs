using Broadsheet.TestKit.Postgres;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>
/// The database a test application runs on: the SQLite file in its own data folder, or, when
/// <c>BROADSHEET_TEST_POSTGRES</c> names a server (scripts/with-postgres starts one), a PostgreSQL database of its own
/// there, made by the application's migration at start and dropped afterwards.
/// </summary>
internal static class TestDatabase
{
    /// <summary>The PostgreSQL server the web tests run on, or null for SQLite.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public static bool IsPostgres => Server is not null;

    /// <summary>A new database's connection string for <c>Broadsheet:Database</c>, or null for the SQLite file in the data folder.</summary>
    public static string? NewDatabase() => Server is { } server ? $"{server};Database=broadsheet_web_{Guid.NewGuid():N}" : null;

    /// <summary>Drops the PostgreSQL database <paramref name="database"/> names, whoever is still connected to it; nothing for SQLite.</summary>
    public static async Task DropAsync(string? database)
    {
        if (database is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }

        await ThrowawayDatabase.DropAsync(database);
    }
}
