using System.Diagnostics;
using System.Globalization;

namespace Broadsheet.Bench.Search.Corpus;

/// <summary>How fast the corpus alone is generated, and how big it is, so the build rates can be read net of it.</summary>
internal sealed record CorpusTiming(int Sampled, TimeSpan Elapsed, double AverageCharacters)
{
    private const int Sample = 100_000;

    public double ArticlesPerSecond => Sampled / Elapsed.TotalSeconds;

    /// <summary>Generates the first 100,000 articles (or all, if fewer) without indexing them.</summary>
    public static CorpusTiming Measure(CorpusShape shape, TextWriter log)
    {
        var plantings = new Plantings(shape, RelevanceSet.All);
        var clock = Stopwatch.StartNew();
        long characters = 0;
        var n = 0;
        foreach (var a in new CorpusGenerator(shape, plantings).Articles().Take(Sample))
        {
            characters += a.Headline.Length + (a.Kicker?.Length ?? 0) + (a.Subheadline?.Length ?? 0) + (a.Byline?.Length ?? 0)
                + a.Body.Sum(p => p.Length) + a.Captions.Sum(c => c.Length) + a.Credits.Sum(c => c.Length);
            n++;
        }

        var timing = new CorpusTiming(n, clock.Elapsed, characters / (double)n);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus alone: {n:N0} articles in {timing.Elapsed.TotalSeconds:F1} s ({timing.ArticlesPerSecond:F0}/s), {timing.AverageCharacters:F0} characters each"));
        return timing;
    }
}
