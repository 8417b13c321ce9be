using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data;

/// <summary>Brings the database up to the latest migration; run at start by every command.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<BroadsheetDbContext> contexts)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
