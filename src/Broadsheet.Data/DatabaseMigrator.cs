using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data;

/// <summary>
/// Brings the database up to the latest migration; run at start by every command. SQLite's migrations belong to
/// <see cref="BroadsheetDbContext"/>, PostgreSQL's to <see cref="Postgres.PostgresMigrationsContext"/>, so the
/// context that migrates is the provider's. PostgreSQL creates the database when it does not exist yet.
/// </summary>
public sealed class DatabaseMigrator
{
    private readonly Func<BroadsheetDbContext> _context;

    internal DatabaseMigrator(Func<BroadsheetDbContext> context) => _context = context;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
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
}
