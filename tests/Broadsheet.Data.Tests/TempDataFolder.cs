using Broadsheet.Core;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>
/// A private data folder (real blob folder) and database per test, deleted afterwards: a real SQLite file, or, when
/// <c>BROADSHEET_TEST_POSTGRES</c> names a server (scripts/with-postgres starts one), a database of its own there.
/// </summary>
internal sealed class TempDataFolder : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TempDataFolder(DataFolder folder, ServiceProvider services)
    {
        Folder = folder;
        _services = services;
    }

    /// <summary>The PostgreSQL server the data tests run on, or null for SQLite.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public DataFolder Folder { get; }

    public IServiceProvider Services => _services;

    public bool IsPostgres => Folder.DatabaseIsServer;

    /// <param name="sqlite">A SQLite file whatever server there is (the source of a database copy).</param>
    public static async Task<TempDataFolder> CreateAsync(bool sqlite = false)
    {
        var name = Guid.NewGuid().ToString("N");
        var database = !sqlite && Server is { } server ? $"{server};Database=broadsheet_test_{name}" : null;
        var folder = new DataFolder(Path.Combine(Path.GetTempPath(), "broadsheet-data-tests", name), database);
        var services = new ServiceCollection().AddBroadsheetData(folder).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return new TempDataFolder(folder, services);
    }

    public BroadsheetDbContext NewContext() =>
        _services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        if (IsPostgres)
        {
            await using var db = NewContext();
            await db.Database.EnsureDeletedAsync();
        }

        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder.Root, recursive: true);
    }
}
