using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SearchIndex"/> over <paramref name="indexPath"/> as a singleton: Lucene allows a
    /// single writer per index folder, so the whole process shares it. The container disposes it.
    /// </summary>
    public static IServiceCollection AddBroadsheetSearch(this IServiceCollection services, string indexPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        services.AddSingleton(_ => new SearchIndex(indexPath));
        return services;
    }
}
