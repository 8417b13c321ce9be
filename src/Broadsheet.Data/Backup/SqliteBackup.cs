using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Data.Backup;

/// <summary>
/// The SQLite database through SQLite's online backup API: a consistent copy while the server reads and writes (in WAL
/// mode a writer never waits for it), as one self-contained file (rollback journal, no <c>-wal</c> beside it).
/// </summary>
internal static class SqliteBackup
{
    /// <summary>Copies <paramref name="databasePath"/> to <paramref name="target"/>; returns each table's rows in the copy.</summary>
    public static Dictionary<string, long> Save(string databasePath, string target)
    {
        using (var source = Open(databasePath, SqliteOpenMode.ReadWrite))
        using (var copy = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            Execute(copy, "PRAGMA journal_mode=DELETE");
        }

        return Rows(target);
    }

    /// <summary>Each table's rows in the database at <paramref name="path"/>.</summary>
    public static Dictionary<string, long> Rows(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            rows[table] = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return rows;
    }

    /// <summary>
    /// Puts <paramref name="backup"/> (a rollback-journal file, as <see cref="Save"/> writes it) in place of the database at <paramref name="databasePath"/>: copied beside it first, then
    /// renamed over it, so a failure leaves the old file. A <c>-wal</c> or <c>-shm</c> of the old database goes first: SQLite would
    /// replay the old log into the new file.
    /// </summary>
    public static void Restore(string backup, string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var staged = databasePath + ".restoring";
        File.Copy(backup, staged, overwrite: true);
        SqliteConnection.ClearAllPools();
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
        File.Move(staged, databasePath, overwrite: true);

        // Back to WAL, as the application keeps it: EF opens the file read-only to see whether it exists, and the
        // application's pragmas cannot switch the mode on that connection.
        using var connection = Open(databasePath, SqliteOpenMode.ReadWrite);
        Execute(connection, "PRAGMA journal_mode=WAL");
    }

    /// <summary>Whether a database (or what is left of one) is at <paramref name="databasePath"/>.</summary>
    public static bool Exists(string databasePath) =>
        File.Exists(databasePath) || File.Exists(databasePath + "-wal");

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=10000");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
