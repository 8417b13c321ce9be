using Broadsheet.Search.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Search.Querying;

/// <summary>
/// The query for a run of tokens in a bigram field. A Han character standing alone in what was typed (火, or
/// 股 in A股) may be any character of a longer run in an article; the field keeps runs as bigrams plus their
/// last character (<see cref="RunEndFilter"/>), so it is found as the start of a term: a prefix. Standing
/// alone last, after other tokens, it is the end of a phrase (<see cref="PhrasePrefixQuery"/>); anywhere
/// else it is alone in the article too, so it matches its own term.
/// </summary>
internal static class BigramPhrase
{
    public static Query? Build(string field, IReadOnlyList<AnalyzedToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        var first = tokens[0].Position;
        var terms = tokens.Select(t => (new Term(field, t.Term), t.Position - first)).ToList();
        var endsAlone = string.Equals(tokens[^1].Type, CJKBigramFilter.SINGLE_TYPE, StringComparison.Ordinal);
        return (terms.Count, endsAlone) switch
        {
            (1, true) => new PrefixQuery(terms[0].Item1),
            (1, false) => new TermQuery(terms[0].Item1),
            (_, true) => new PhrasePrefixQuery(terms),
            _ => Phrase(terms),
        };
    }

    private static PhraseQuery Phrase(List<(Term Term, int Position)> terms)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, position) in terms)
        {
            phrase.Add(term, position);
        }

        return phrase;
    }
}
