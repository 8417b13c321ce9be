using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Broadsheet.Data.Postgres;

/// <summary>PostgreSQL as the database, chosen by a connection string in <c>--db</c> / <c>Broadsheet:Database</c>.</summary>
internal static class PostgresDatabase
{
    /// <summary>Checks <paramref name="database"/> and returns it as Npgsql reads it; a string it cannot use is one clear line.</summary>
    public static string ConnectionString(string database)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(database);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the key it did not know, never the password.
            throw new DomainException($"--db / Broadsheet:Database is neither a SQLite file nor a PostgreSQL connection string: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new DomainException(
                "--db / Broadsheet:Database names a PostgreSQL database with both Host and Database, e.g. \"Host=db.example.org;Database=broadsheet;Username=broadsheet\".");
        }

        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder<TContext> Options<TContext>(string connectionString)
        where TContext : DbContext =>
        Configure(new DbContextOptionsBuilder<TContext>(), connectionString);

    public static TBuilder Configure<TBuilder>(TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(connectionString);
        return options;
    }
}
