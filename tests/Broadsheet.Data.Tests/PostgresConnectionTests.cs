using Broadsheet.Core.Model;
using Broadsheet.Data.Postgres;
using Npgsql;

namespace Broadsheet.Data.Tests;

/// <summary>
/// What <c>--db</c> becomes on PostgreSQL: statements prepared and pooled connections not reset unless the operator's
/// string says otherwise (docs/operations.md), and a string that names no database is one clear line.
/// </summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void A_plain_string_gets_prepared_statements_and_no_reset_on_close()
    {
        var used = new NpgsqlConnectionStringBuilder(PostgresDatabase.ConnectionString("Host=db.example.org;Database=paper;Username=broadsheet"));

        Assert.Equal(PostgresDatabase.AutoPrepared, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
        Assert.Equal(("db.example.org", "paper", "broadsheet"), (used.Host, used.Database, used.Username));
    }

    [Theory]
    [InlineData("Host=db;Database=paper;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;Database=paper;maxautoprepare=0;noresetonclose=false")]
    public void What_the_operator_sets_is_kept(string database)
    {
        var used = new NpgsqlConnectionStringBuilder(PostgresDatabase.ConnectionString(database));

        Assert.Equal(0, used.MaxAutoPrepare);
        Assert.False(used.NoResetOnClose);
    }

    [Fact]
    public void A_string_without_a_database_says_what_it_needs()
    {
        var problem = Assert.Throws<DomainException>(() => PostgresDatabase.ConnectionString("Host=db"));

        Assert.Contains("both Host and Database", problem.Message, StringComparison.Ordinal);
    }
}
