using Npgsql;

namespace Broadsheet.TestKit.Postgres;

/// <summary>The PostgreSQL databases the tests make on the throwaway server (scripts/with-postgres), dropped after them.</summary>
public static class ThrowawayDatabase
{
    /// <summary>Drops the database <paramref name="connectionString"/> names, whoever is still connected to it; none when empty.</summary>
    public static async Task DropAsync(string connectionString)
    {
        if (connectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var drop = new NpgsqlConnectionStringBuilder(connectionString);
        var name = drop.Database;
        drop.Database = "postgres";
        await using var connection = new NpgsqlConnection(drop.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
