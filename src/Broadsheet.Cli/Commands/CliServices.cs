using Broadsheet.Core;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Cli.Commands;

/// <summary>
/// The services the non-web verbs use, over one data folder, with the database migrated. Settings come from the
/// environment as the server reads them (<c>Broadsheet__Ingest__MaxPages=800</c>), so an import's budgets are
/// the same whether it runs here or at the desk.
/// </summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> OpenAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            // Imaging binds Broadsheet:Ocr from IConfiguration; without this it saw an empty one here.
            .AddSingleton<IConfiguration>(configuration)
            .AddBroadsheetData(folder)
            .AddBroadsheetImaging()
            .AddBroadsheetIngest()
            .AddBroadsheetSearch(folder.IndexPath);
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section));
        services.AddDeskAccounts();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return provider;
    }
}
