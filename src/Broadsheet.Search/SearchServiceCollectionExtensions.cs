using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SearchIndex"/> over <paramref name="indexPath"/> as a singleton: Lucene allows a
    /// single writer per index folder, so the whole process shares it. The container disposes it. Also
    /// <see cref="SearchSync"/>, which needs an <see cref="Core.Ports.ISearchFeed"/> (the data layer's).
    /// Resolving either throws <see cref="SearchIndexInUseException"/> when another process holds the index.
    /// </summary>
    public static IServiceCollection AddBroadsheetSearch(this IServiceCollection services, string indexPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        services.AddSingleton(_ => new SearchIndex(indexPath));
        services.AddSingleton<SearchSync>();
        return services;
    }
}
