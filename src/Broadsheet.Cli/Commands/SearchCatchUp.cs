using Broadsheet.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Cli.Commands;

/// <summary>After an import: bring the search index up to date, unless a running server owns it (it will then, within seconds).</summary>
internal static class SearchCatchUp
{
    public static async Task RunAsync(IServiceProvider services, bool quiet, CancellationToken cancellationToken)
    {
        SearchSync sync;
        try
        {
            sync = services.GetRequiredService<SearchSync>();
        }
        catch (SearchIndexInUseException)
        {
            if (!quiet)
            {
                Console.WriteLine("Search: the running server holds the index and indexes the change itself.");
            }

            return;
        }

        var result = await sync.EnsureCurrentAsync(cancellationToken: cancellationToken);
        if (!quiet)
        {
            var index = services.GetRequiredService<SearchIndex>();
            Console.WriteLine(result switch
            {
                { Rebuilt: true } when index.HealthAtOpen.Status == IndexHealthStatus.Missing => $"Search: index created; {index.DocumentCount} articles.",
                { Rebuilt: true } => $"Search: index rebuilt ({index.HealthAtOpen.Message}); {index.DocumentCount} articles.",
                _ => $"Search: {result.Editions} edition(s) indexed; {index.DocumentCount} articles in the index.",
            });
        }
    }
}
