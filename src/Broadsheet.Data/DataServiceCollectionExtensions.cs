using Broadsheet.Core;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Blobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite database in the data folder (WAL mode), the edition store, the search feed, the
    /// reader's published editions, the desk's ports (editions to change and read, publications, the audit log, grants) and the local-disk blob
    /// store under <see cref="DataFolder.BlobsPath"/>.
    /// </summary>
    public static IServiceCollection AddBroadsheetData(this IServiceCollection services, DataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder.Root);
        services.AddSingleton(folder);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = folder.DatabasePath,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        services.AddDbContextFactory<BroadsheetDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IEditionStore, EfEditionStore>();
        services.AddSingleton<ISearchFeed, Search.EfSearchFeed>();
        services.AddSingleton<IEditionEditor, Desk.EfEditionEditor>();
        services.AddSingleton<IDeskReader, Desk.EfDeskReader>();
        services.AddSingleton<IPublicationSettings, Desk.EfPublicationSettings>();
        services.AddSingleton<IAuditLog, Desk.EfAuditLog>();
        services.AddSingleton<IDeskGrants, Accounts.EfDeskGrants>();
        services.AddSingleton<IReaderEditions, Reader.EfReaderEditions>();
        services.AddSingleton<IReaderFeedback, Reader.EfReaderFeedback>();
        services.AddSingleton<IBlobStore>(_ => new LocalDiskBlobStore(folder.BlobsPath));
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
