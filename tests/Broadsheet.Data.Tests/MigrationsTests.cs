using Broadsheet.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Tests;

/// <summary>
/// Each provider's migrations build the model the code has: a change to an entity or its mapping without a
/// migration for SQLite and one for PostgreSQL fails here, before any database meets it. Neither connects.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var context = new DesignTimeContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "SQLite: run `dotnet ef migrations add <Name> --context BroadsheetDbContext` in src/Broadsheet.Data");
    }

    [Fact]
    public void The_postgresql_migrations_match_the_model()
    {
        using var context = new PostgresDesignTimeContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(),
            "PostgreSQL: run `dotnet ef migrations add <Name> --context PostgresMigrationsContext --output-dir Postgres/Migrations` in src/Broadsheet.Data");
    }
}
