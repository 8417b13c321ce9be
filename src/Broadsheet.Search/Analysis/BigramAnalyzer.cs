using Broadsheet.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// Overlapping CJK bigrams (民警 → 民警; 王小明 → 王小 小明) for recall: any run of characters can be found as
/// consecutive bigrams whatever a segmenter made of it. Latin words go through the same lower-casing and
/// stemming as in <see cref="WordAnalyzer"/>.
/// </summary>
internal sealed class BigramAnalyzer : Analyzer
{
    private const CJKScript Scripts = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(IndexSchema.MatchVersion, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(IndexSchema.MatchVersion, stream);
        // Single characters are kept too, so that a one-character query (a surname, 火) finds the character
        // inside a longer run; queries drop the ones a bigram covers (see BigramQuery).
        stream = new CJKBigramFilter(stream, Scripts, outputUnigrams: true);
        stream = new EnglishPossessiveFilter(IndexSchema.MatchVersion, stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => WidthFolding.Wrap(reader);

    public override int GetPositionIncrementGap(string fieldName) => IndexSchema.ValueGap;
}
