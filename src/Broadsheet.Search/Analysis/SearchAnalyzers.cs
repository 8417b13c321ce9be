using Broadsheet.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace Broadsheet.Search.Analysis;

/// <summary>The analysers one index uses, created once and disposed with it (each keeps per-thread state).</summary>
internal sealed class SearchAnalyzers : IDisposable
{
    public SearchAnalyzers()
    {
        Word = new WordAnalyzer();
        Bigram = new BigramAnalyzer();
        Mark = new MarkAnalyzer();
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var group in IndexSchema.TextGroups)
        {
            if (group.WordField is not null)
            {
                perField[group.WordField] = Word;
            }

            perField[group.BigramField] = Bigram;
        }

        // Keyword-like fields are indexed as StringField and never analysed; Word is only a fallback.
        Indexing = new PerFieldAnalyzerWrapper(Word, perField);
    }

    public Analyzer Word { get; }

    public Analyzer Bigram { get; }

    public Analyzer Mark { get; }

    /// <summary>What the index writer uses: the right analyser for each field.</summary>
    public Analyzer Indexing { get; }

    public void Dispose()
    {
        Indexing.Dispose();
        Word.Dispose();
        Bigram.Dispose();
        Mark.Dispose();
    }
}
