using Broadsheet.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// Word segmentation with SmartCn's HMM model: Chinese words as a reader would split them (民警, 调解), English
/// words lower-cased and Porter-stemmed. Precise, so it carries relevance; it splits names into single
/// characters, which is why every text field also has a bigram twin (<see cref="BigramAnalyzer"/>).
/// </summary>
internal sealed class WordAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new HMMChineseTokenizer(reader);

        // SmartCn emits punctuation as tokens; its default stop set is exactly that punctuation.
        TokenStream stream = new StopFilter(IndexSchema.MatchVersion, tokenizer, SmartChineseAnalyzer.DefaultStopSet);
        stream = new SymbolFilter(stream);
        stream = new LowerCasingFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => WidthFolding.Wrap(reader);

    // Keeps phrases from matching across the end of one paragraph and the start of the next.
    public override int GetPositionIncrementGap(string fieldName) => IndexSchema.ValueGap;
}
