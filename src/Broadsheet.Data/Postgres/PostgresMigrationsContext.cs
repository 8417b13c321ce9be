using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Broadsheet.Data.Postgres;

/// <summary>
/// The same model as <see cref="BroadsheetDbContext"/>, as its own type only so that PostgreSQL's migrations
/// (<c>Postgres/Migrations</c>) are told apart from SQLite's (<c>Migrations</c>): EF finds a context's migrations by its type.
/// Used only to migrate; every query goes through <see cref="BroadsheetDbContext"/>.
/// </summary>
internal sealed class PostgresMigrationsContext(DbContextOptions<PostgresMigrationsContext> options) : BroadsheetDbContext(options);

/// <summary>
/// Lets <c>dotnet ef migrations add &lt;Name&gt; --context PostgresMigrationsContext --output-dir Postgres/Migrations</c>
/// build the context; making a migration never connects, so the server named here need not exist.
/// </summary>
internal sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresMigrationsContext>
{
    public PostgresMigrationsContext CreateDbContext(string[] args) =>
        new(PostgresDatabase.Options<PostgresMigrationsContext>("Host=localhost;Database=broadsheet").Options);
}
