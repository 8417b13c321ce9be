using Broadsheet.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// Overlapping CJK bigrams (民警 → 民警; 王小明 → 王小 小明) for recall: any run of characters can be found as
/// consecutive bigrams whatever a segmenter made of it. Latin words are split at letter/digit changes as
/// SmartCn splits them (ＡＢＣ１２３ → abc 123, 5G → 5 g), lower-cased and stemmed, so a field with only bigrams
/// (the body) finds "ABC" in ABC123 as the segmented fields do.
/// </summary>
internal sealed class BigramAnalyzer : Analyzer
{
    private const CJKScript Scripts = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;

    private const WordDelimiterFlags Split =
        WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS
        | WordDelimiterFlags.SPLIT_ON_NUMERICS | WordDelimiterFlags.STEM_ENGLISH_POSSESSIVE;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(IndexSchema.MatchVersion, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCasingFilter(stream);
        // Each run's last character follows its bigrams, so that a one-character query (a surname, 火) finds the
        // character anywhere in a longer run as the start of a term; queries drop it where a bigram covers it.
        stream = new CJKBigramFilter(stream, Scripts, outputUnigrams: false);
        stream = new RunEndFilter(stream);
        stream = new WordDelimiterFilter(IndexSchema.MatchVersion, stream, Split, null);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => WidthFolding.Wrap(reader);

    public override int GetPositionIncrementGap(string fieldName) => IndexSchema.ValueGap;
}
