using System.Globalization;

namespace Broadsheet.Bench.Search;

/// <summary>Command line: <c>[articles] [--seconds S] [--work DIR] [--seed N] [--out FILE] [--lucene-only]</c>.</summary>
/// <param name="Articles">Articles to generate; default 1,000,000.</param>
/// <param name="Seconds">Length of each timed query phase; default 30.</param>
/// <param name="WorkFolder">Where both indexes are built; default a new folder under the temp folder, deleted at the end.</param>
/// <param name="Seed">Corpus seed; default 1.</param>
/// <param name="Output">A file to write the report to as well as the console, or null.</param>
/// <param name="LuceneOnly">
/// Measure Broadsheet alone and log its figures, without the peer (whose scans take most of a run's time at
/// a million articles on a busy machine); the comparison table needs both.
/// </param>
internal sealed record BenchOptions(int Articles, int Seconds, string WorkFolder, int Seed, string? Output, bool KeepWork, bool LuceneOnly = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var articles = 1_000_000;
        var seconds = 30;
        var seed = 1;
        string? work = null;
        string? output = null;
        var luceneOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds": seconds = Int(args[++i]); break;
                case "--seed": seed = Int(args[++i]); break;
                case "--work": work = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--lucene-only": luceneOnly = true; break;
                default: articles = Int(args[i].Replace("_", "", StringComparison.Ordinal)); break;
            }
        }

        return new BenchOptions(
            articles, seconds, work ?? Path.Combine(Path.GetTempPath(), $"searchbench-{Environment.ProcessId}"), seed, output, KeepWork: work is not null, luceneOnly);
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
