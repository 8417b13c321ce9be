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

        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = database };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            // EF Core's queries are parameterised and few: prepared once a connection has run one five times, PostgreSQL
            // no longer plans it on every page view (its CPU a page view over the 30-year archive: about 15 ms, 9 with it).
            builder.MaxAutoPrepare = AutoPrepared;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            // Nothing of Broadsheet's leaves session state on a pooled connection (the scheduler's lease and the LISTEN
            // for cache notices have connections of their own), so one taken from the pool needs no reset round trip;
            // a page view takes about nine.
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>How many statements a connection keeps prepared unless the connection string says otherwise.</summary>
    public const int AutoPrepared = 64;

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
