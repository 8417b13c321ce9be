using System.ComponentModel;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using Broadsheet.Core.Model;
using Npgsql;

namespace Broadsheet.Data.Backup;

/// <summary>
/// The PostgreSQL database through <c>pg_dump</c> (custom format) and <c>pg_restore</c>, the server's own tools, which must
/// be installed beside the command (Debian's <c>postgresql-client</c>, the server's major version or newer). The dump reads
/// the snapshot of a transaction held open here, and the rows are counted in that same snapshot, so the manifest's counts
/// are the dump's even while the nodes write.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<Dictionary<string, long>> SaveAsync(string connectionString, string target, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot);
        var id = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        await RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + id, "--file=" + target], cancellationToken);
        return await RowsAsync(connection, snapshot, cancellationToken);
    }

    /// <summary>Each table's rows; an empty answer when the database does not exist yet.</summary>
    public static async Task<Dictionary<string, long>> RowsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return [];
        }

        return await RowsAsync(connection, null, cancellationToken);
    }

    /// <summary>
    /// Fills the database from <paramref name="dump"/> in one transaction (a failure leaves it as it was), creating the
    /// database first when it is missing; <paramref name="replace"/> drops the tables the dump holds before it makes them.
    /// </summary>
    public static async Task RestoreAsync(string dump, string connectionString, bool replace, CancellationToken cancellationToken)
    {
        await CreateDatabaseAsync(connectionString, cancellationToken);
        NpgsqlConnection.ClearAllPools();
        string[] arguments = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", .. replace ? ["--clean", "--if-exists"] : Array.Empty<string>(), dump];
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync("pg_restore", connectionString, ["--dbname=" + builder.Database, .. arguments], cancellationToken);
    }

    private static async Task<Dictionary<string, long>> RowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection, transaction);
            rows[table] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return rows;
    }

    private static async Task CreateDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Runs one of the server's tools with the connection's settings in libpq's environment variables (never on the command line, where <c>ps</c> shows a password).</summary>
    private static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = builder.Database;
        Set(start, "PGUSER", builder.Username);
        Set(start, "PGPASSWORD", builder.Password);
        Set(start, "PGSSLMODE", builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => null,
        });

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new DomainException($"{tool} is not installed; a PostgreSQL database is backed up and restored with the server's tools (Debian: apt-get install postgresql-client).");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await output;
            var message = (await error).Trim();
            if (process.ExitCode != 0)
            {
                var first = message.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? $"exit code {process.ExitCode}";
                throw new DomainException($"{tool} failed: {first}");
            }
        }
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }
}
