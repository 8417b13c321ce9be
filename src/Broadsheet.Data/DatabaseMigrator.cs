using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Broadsheet.Data;

/// <summary>
/// Brings the database up to the latest migration; run at start by every command. SQLite's migrations belong to
/// <see cref="BroadsheetDbContext"/>, PostgreSQL's to <see cref="Postgres.PostgresMigrationsContext"/>, so the
/// context that migrates is the provider's. PostgreSQL creates the database when it does not exist yet.
/// </summary>
/// <remarks>
/// EF Core locks SQLite's migrations with a row in <c>__EFMigrationsLock</c>, which a process killed while holding it
/// leaves behind, and every later start would then wait for it forever (even when nothing is pending, since EF takes
/// the lock before it looks). So on SQLite every process first holds an exclusive lock on a file beside the database,
/// which the operating system releases when the process dies: whoever holds it is the only one that can be migrating,
/// so any row left in <c>__EFMigrationsLock</c> is a dead process's and is deleted; and EF's migrator runs only when a
/// migration is pending. PostgreSQL's lock is a session advisory lock, released with the connection.
/// <para>
/// Whether one is pending is read with plain SQL, comparing the history table with the migrations this assembly holds
/// for <see cref="BroadsheetDbContext"/> (the comparison EF makes). Anything asked of EF builds the model first, about
/// 0.3 s of one core, and every command waited for it here; the command's first query builds it anyway, beside other
/// work (an import's unpacking and page checks).
/// </para>
/// </remarks>
public sealed class DatabaseMigrator
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);
    private readonly Func<BroadsheetDbContext> _context;
    private readonly string? _sqlite;

    /// <param name="context">Makes the context whose migrations this database takes.</param>
    /// <param name="sqlite">The SQLite database's connection string; null for a server.</param>
    internal DatabaseMigrator(Func<BroadsheetDbContext> context, string? sqlite = null)
    {
        _context = context;
        _sqlite = sqlite;
    }

    /// <summary>The migrations this assembly holds for SQLite, by id, as EF finds them.</summary>
    internal static IReadOnlySet<string> SqliteMigrations { get; } = typeof(BroadsheetDbContext).Assembly.GetTypes()
        .Where(t => typeof(Migration).IsAssignableFrom(t) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(BroadsheetDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_sqlite is null)
        {
            await using var server = _context();
            await server.Database.MigrateAsync(cancellationToken);
            return;
        }

        var path = new SqliteConnectionStringBuilder(_sqlite).DataSource;
        await using var held = await HoldAsync(path + ".migrating", cancellationToken);
        if (File.Exists(path) && await IsCurrentAsync(cancellationToken))
        {
            return;
        }

        await using var db = _context();
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Null when the database answers and has every migration applied; otherwise what is wrong, in one sentence.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = _context();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return "The database does not answer.";
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? null : $"The database lacks {pending} migration(s); restart a node to apply them.";
        }
        catch (DbException e)
        {
            return "The database failed: " + e.Message.ReplaceLineEndings(" ");
        }
    }

    /// <summary>Opens <paramref name="path"/> with no sharing (an advisory lock on Unix), waiting while another process holds it.</summary>
    private static async Task<FileStream> HoldAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Whether every migration is applied, by plain SQL; first deletes the lock row a dead process left (the caller
    /// holds the file lock, so no live one can hold it).
    /// </summary>
    private async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsLock', '__EFMigrationsHistory')";
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Contains("__EFMigrationsLock"))
        {
            command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!tables.Contains("__EFMigrationsHistory"))
        {
            return false;
        }

        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return SqliteMigrations.IsSubsetOf(applied);
    }
}
