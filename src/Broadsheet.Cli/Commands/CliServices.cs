using Broadsheet.Core;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Cli.Commands;

/// <summary>The services the non-web verbs use, over one data folder, with the database migrated.</summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> OpenAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddBroadsheetData(folder)
            .AddBroadsheetImaging()
            .AddBroadsheetIngest()
            .AddBroadsheetSearch(folder.IndexPath);
        services.AddDeskAccounts();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return provider;
    }
}
