using Broadsheet.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>
/// Every command migrates at start, so a process killed while migrating (or while EF only checked that nothing was
/// pending) must not stop the next one: SQLite's migrations, whatever provider the other data tests run on.
/// </summary>
public sealed class MigratorTests : IDisposable
{
    private readonly DataFolder _folder = new(Path.Combine(Path.GetTempPath(), "broadsheet-data-tests", Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task A_start_after_a_process_died_holding_efs_migration_lock_goes_on_and_removes_the_lock()
    {
        await MigrateAsync();
        Execute("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-06 19:18:58')");

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await MigrateAsync(patience.Token);

        Assert.Equal(0L, Execute("SELECT count(*) FROM \"__EFMigrationsLock\""));
        Assert.Equal(0L, Execute("SELECT count(*) FROM Editions"));
    }

    [Fact]
    public async Task A_start_waits_while_another_process_migrates_and_goes_on_when_it_ends()
    {
        Task migrating;
        Directory.CreateDirectory(_folder.Root);
        await using (new FileStream(_folder.DatabasePath + ".migrating", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            migrating = MigrateAsync();
            await Task.Delay(500);
            Assert.False(migrating.IsCompleted, "migrated while another process held the migration lock");
        }

        await migrating.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0L, Execute("SELECT count(*) FROM Editions"));
    }

    [Fact]
    public void The_migrations_the_start_compares_with_are_those_ef_applies()
    {
        using var services = new ServiceCollection().AddBroadsheetData(_folder).BuildServiceProvider();
        using var db = services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContext();

        Assert.Equal(db.Database.GetMigrations().Order(StringComparer.Ordinal), DatabaseMigrator.SqliteMigrations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_database_one_migration_behind_is_brought_up_to_date()
    {
        var all = DatabaseMigrator.SqliteMigrations.Order(StringComparer.Ordinal).ToList();
        await using (var services = new ServiceCollection().AddBroadsheetData(_folder).BuildServiceProvider())
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContextAsync();
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);
        }

        await MigrateAsync();

        Assert.Equal((long)all.Count, Execute("SELECT count(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(all[^1], Execute("SELECT max(\"MigrationId\") FROM \"__EFMigrationsHistory\""));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder.Root))
        {
            Directory.Delete(_folder.Root, recursive: true);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var services = new ServiceCollection().AddBroadsheetData(_folder).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    private object? Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
