using Broadsheet.Search;
using Lucene.Net.Analysis.Cn.Smart;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Cli.Commands;

/// <summary>After an import: bring the search index up to date, unless a running server owns it (it will then, within seconds).</summary>
internal static class SearchCatchUp
{
    /// <summary>
    /// Loads SmartCn's word and bigram dictionaries on a pool thread. The catch-up at the end of an import
    /// would otherwise load them first (over half a second of CPU) while nothing else runs; started with the
    /// command, the load overlaps the database's start, when the second core is idle. They are process-wide
    /// statics, so the index's own analysers find them loaded.
    /// </summary>
    public static void StartWarmUp() => _ = Task.Run(() =>
    {
        try
        {
            using var tokenizer = new HMMChineseTokenizer(new StringReader("本报讯 滨江区召开会议。"));
            tokenizer.Reset();
            while (tokenizer.IncrementToken())
            {
            }

            tokenizer.End();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // Only a head start: the catch-up loads the dictionaries itself and reports what fails.
        }
    });

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
