using Broadsheet.Core;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Blobs;
using Broadsheet.Data.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (<see cref="DataFolder.Database"/>: the SQLite file in the data folder in WAL mode by
    /// default, or PostgreSQL by a connection string), the edition store, the search feed, the
    /// reader's published editions, the desk's ports (editions to change and read, publications, the audit log, grants) and the local-disk blob
    /// store under <see cref="DataFolder.BlobsPath"/>.
    /// </summary>
    public static IServiceCollection AddBroadsheetData(this IServiceCollection services, DataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var server = folder.DatabaseIsServer ? PostgresDatabase.ConnectionString(folder.Database!) : null;
        Directory.CreateDirectory(folder.Root);
        services.AddSingleton(folder);
        if (server is not null)
        {
            services.AddDbContextFactory<BroadsheetDbContext>(options => PostgresDatabase.Configure(options, server));
            services.AddSingleton(_ => new DatabaseMigrator(
                () => new PostgresMigrationsContext(PostgresDatabase.Options<PostgresMigrationsContext>(server).Options)));
            services.AddSingleton<IEditionNotices>(new PostgresNotices(server));
            services.AddSingleton<INodeLease>(new PostgresLease(server));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder.DatabasePath)!);
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = folder.DatabasePath,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
            }.ToString();
            services.AddDbContextFactory<BroadsheetDbContext>(options => options
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas()));
            services.AddSingleton(provider => new DatabaseMigrator(
                provider.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContext,
                connectionString));
            services.AddSingleton<Nodes.SingleNode>();
            services.AddSingleton<IEditionNotices>(provider => provider.GetRequiredService<Nodes.SingleNode>());
            services.AddSingleton<INodeLease>(provider => provider.GetRequiredService<Nodes.SingleNode>());
        }

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
        services.AddSingleton<IOldLinks, Sites.EfOldLinks>();
        services.AddSingleton<IImportJobStore, Imports.EfImportJobStore>();
        services.AddSingleton<IBlobStore>(_ => new LocalDiskBlobStore(folder.BlobsPath));
        return services;
    }

    /// <summary>
    /// On PostgreSQL, keeps the keys that protect sign-in cookies and antiforgery tokens in the database, under one
    /// application name, so a cookie or form from one web node is good on every other. SQLite (one node) keeps the
    /// framework's default, a key folder of the user the server runs as.
    /// </summary>
    public static IDataProtectionBuilder KeepKeysWithDatabase(this IDataProtectionBuilder builder, DataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(folder);
        if (folder.DatabaseIsServer)
        {
            builder.SetApplicationName("broadsheet").PersistKeysToDbContext<BroadsheetDbContext>();
        }

        return builder;
    }
}
