using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EditionImporter"/> and <see cref="IngestOptions"/> (validated at start-up).
    /// The importer needs the ports from <c>AddBroadsheetData</c> and <c>AddBroadsheetImaging</c>, the
    /// <c>DataFolder</c>, and a <see cref="TimeProvider"/> (the system clock unless one is registered).
    /// Hosts with configuration bind the options with
    /// <c>services.AddOptions&lt;IngestOptions&gt;().BindConfiguration(IngestOptions.Section)</c>.
    /// </summary>
    public static IServiceCollection AddBroadsheetIngest(this IServiceCollection services, Action<IngestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<IngestOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<EditionImporter>();
        services.TryAddTransient<Archives.ArchiveImporter>();
        services.TryAddTransient<Archives.BatchImporter>();
        services.TryAddTransient<Archives.Sites.SiteMigrator>();
        services.TryAddTransient<OrphanBlobSweep>();
        return services;
    }
}
