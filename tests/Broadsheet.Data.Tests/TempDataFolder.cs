using Broadsheet.Core;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>A private data folder (real SQLite file, real blob folder) per test, deleted afterwards.</summary>
internal sealed class TempDataFolder : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TempDataFolder(DataFolder folder, ServiceProvider services)
    {
        Folder = folder;
        _services = services;
    }

    public DataFolder Folder { get; }

    public IServiceProvider Services => _services;

    public static async Task<TempDataFolder> CreateAsync()
    {
        var folder = new DataFolder(Path.Combine(Path.GetTempPath(), "broadsheet-data-tests", Guid.NewGuid().ToString("N")));
        var services = new ServiceCollection().AddBroadsheetData(folder).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return new TempDataFolder(folder, services);
    }

    public BroadsheetDbContext NewContext() =>
        _services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder.Root, recursive: true);
    }
}
