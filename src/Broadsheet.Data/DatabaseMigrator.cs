using System.Data.Common;
using Microsoft.EntityFrameworkCore;

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
/// </remarks>
public sealed class DatabaseMigrator
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);
    private readonly Func<BroadsheetDbContext> _context;
    private readonly string? _lockFile;

    internal DatabaseMigrator(Func<BroadsheetDbContext> context, string? lockFile = null)
    {
        _context = context;
        _lockFile = lockFile;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _context();
        if (_lockFile is null)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await using var held = await HoldAsync(_lockFile, cancellationToken);
        await DeleteDeadLocksAsync(db, cancellationToken);
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
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
    /// Plain SQL on the context's connection: EF's own queries would build the model first, which the command's
    /// first query builds anyway, beside other work, instead of here where everything waits for it.
    /// </summary>
    private static async Task DeleteDeadLocksAsync(BroadsheetDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (!File.Exists(connection.DataSource))
        {
            // No database yet (the first start): nothing can hold its lock.
            return;
        }

        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
