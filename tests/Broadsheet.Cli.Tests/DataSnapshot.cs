using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// Everything a data folder holds, as comparable text: every row of every table and every blob's name and
/// hash. Two equal snapshots mean a command changed nothing a reader or the desk could see.
/// </summary>
internal static class DataSnapshot
{
    public static string Take(string dataRoot)
    {
        var lines = new List<string>();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataRoot, "broadsheet.db")};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Select(r => r[0]).ToList();
            foreach (var table in tables)
            {
                lines.AddRange(Query(connection, $"SELECT * FROM \"{table}\"").Select(row => table + ": " + string.Join(" | ", row)).Order(StringComparer.Ordinal));
            }
        }

        var blobs = Path.Combine(dataRoot, "blobs");
        if (Directory.Exists(blobs))
        {
            lines.AddRange(Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories)
                .Select(f => "blob: " + Path.GetRelativePath(blobs, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
                .Order(StringComparer.Ordinal));
        }

        var staging = Path.Combine(dataRoot, "staging");
        if (Directory.Exists(staging))
        {
            lines.AddRange(Directory.EnumerateFileSystemEntries(staging, "*", SearchOption.AllDirectories).Select(f => "staging: " + f));
        }

        return string.Join('\n', lines);
    }

    private static List<string[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}
