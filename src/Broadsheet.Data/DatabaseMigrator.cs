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
}
