using Broadsheet.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// The finest common unit of both index analysers, used to mark hits in text: one token per CJK character,
/// Latin words split at letter/digit changes (5G → 5 g, ＡＢＣ１２３ → abc 123) and stemmed. A query phrase
/// marks text wherever its tokens occur consecutively, so marks never cover more than what matched.
/// </summary>
internal sealed class MarkAnalyzer : Analyzer
{
    private const WordDelimiterFlags Split =
        WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS
        | WordDelimiterFlags.SPLIT_ON_NUMERICS | WordDelimiterFlags.STEM_ENGLISH_POSSESSIVE;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(IndexSchema.MatchVersion, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCasingFilter(stream);
        stream = new WordDelimiterFilter(IndexSchema.MatchVersion, stream, Split, null);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => WidthFolding.Wrap(reader);
}
