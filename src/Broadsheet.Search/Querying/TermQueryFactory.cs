using Broadsheet.Search.Analysis;
using Broadsheet.Search.Indexing;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Search.Querying;

/// <summary>What one typed term became: its query, and the pieces a hit may contain instead of the whole.</summary>
/// <param name="Query">Matches articles containing the term.</param>
/// <param name="Parts">For an unspaced run that segmentation split (贵阳民警调解 → 贵阳, 民警, 调解), the pieces; otherwise empty.</param>
/// <param name="WordTokens">The term's segmented tokens with positions, for proximity between terms in segmented fields.</param>
/// <param name="BigramTokens">The bigram tokens a query needs for the term, with positions, for proximity in fields that have only bigrams.</param>
/// <param name="Spellable">Whether a misspelling of it could be tried: it has a Latin word of four letters or more.</param>
internal sealed record TermQueryParts(
    Query Query, IReadOnlyList<string> Parts, IReadOnlyList<AnalyzedToken> WordTokens, IReadOnlyList<AnalyzedToken> BigramTokens, bool Spellable = false);

/// <summary>
/// Builds the Lucene query for one typed term across the fields of its scope, in both the segmented and the
/// bigram field of each: the segmented field ranks well-segmented words, the bigram field finds every run
/// of characters (names above all) as consecutive bigrams, whatever the segmenter made of it.
/// </summary>
internal sealed class TermQueryFactory(SearchAnalyzers analyzers)
{
    // Analysers do not look at the field name; queries are analysed under this one.
    private const string QueryField = "query";

    // Bigram matches add recall; they count a little less so precise word matches lead.
    private const float BigramWeight = 0.8f;

    // An unspaced run found exactly as typed beats the same pieces scattered through the article.
    private const float ExactRunBoost = 2f;

    private static readonly (TextGroup Group, float Boost)[] Anywhere =
        [(IndexSchema.Title, 3f), (IndexSchema.Body, 1f), (IndexSchema.Author, 0.5f)];

    /// <param name="term">What the reader typed.</param>
    /// <param name="lenient">
    /// Also match a single Latin word within one or two edits of it (for a second try when the exact query
    /// found nothing: "goverment" finds "government").
    /// </param>
    public TermQueryParts? Build(UserTerm term, bool lenient = false)
    {
        var fields = FieldsFor(term.Scope);
        var words = AnalyzedToken.Analyze(analyzers.Word, QueryField, term.Text);
        var bigrams = NeededBigrams(term.Text);
        var chunks = term.IsPhrase ? [] : SplitIntoChunks(words, term.Text);
        if (chunks.Count <= 1)
        {
            var spellable = !term.IsPhrase && words.Count == 1 && IsSpellable(words[0].Term);
            var whole = AnyField(fields, g => lenient && spellable
                ? Either(Lenient(g.WordField ?? g.BigramField, words[0].Term), null)
                : Either(Words(g.WordField, words), BigramPhrase.Build(g.BigramField, bigrams)));
            return whole is null ? null : new TermQueryParts(whole, [], words, bigrams, spellable);
        }

        var all = new BooleanQuery();
        var parts = new List<string>();
        foreach (var chunk in chunks)
        {
            var piece = AnyField(fields, g => Either(Words(g.WordField, chunk.Tokens), Bigrams(g.BigramField, chunk.Text)));
            if (piece is not null)
            {
                all.Add(piece, Occur.MUST);
                parts.Add(chunk.Text);
            }
        }

        if (AnyField(fields, g => BigramPhrase.Build(g.BigramField, bigrams)) is { } exact)
        {
            exact.Boost = ExactRunBoost;
            all.Add(exact, Occur.SHOULD);
        }

        return parts.Count == 0 ? null : new TermQueryParts(all, parts, words, bigrams);
    }

    /// <summary>The segmented fields a proximity boost between terms runs over.</summary>
    public static IEnumerable<(TextGroup Group, float Boost)> ProximityFields =>
        Anywhere.Where(f => f.Group != IndexSchema.Author);

    private static (TextGroup Group, float Boost)[] FieldsFor(TermScope scope) => scope switch
    {
        TermScope.Title => [(IndexSchema.Title, 1f)],
        TermScope.Author => [(IndexSchema.Author, 1f)],
        _ => Anywhere,
    };

    /// <summary>
    /// Splits a run into the pieces the query requires. SmartCn cuts names and rarer words into single
    /// characters (李明 → 李 明, 和解 → 和 解); adjacent single characters are kept together as one piece so
    /// that they must appear together, instead of each anywhere in the article. A Han character left alone
    /// between words (诈骗案 → 诈骗 案, 副市长 → 副 市长) joins the word it touches, the one before it first:
    /// alone it would match that character inside any word anywhere in the article (案 in 方案, 答案). Touching
    /// pieces without Han characters are kept together too: SmartCn cuts Latin words at letters it does not know
    /// (école → é cole), and the bigram fields keep such a word whole.
    /// </summary>
    private static List<Chunk> SplitIntoChunks(List<AnalyzedToken> words, string text)
    {
        var chunks = new List<List<AnalyzedToken>>();
        foreach (var token in words)
        {
            if (chunks.Count > 0 && chunks[^1][^1] is var last && Touch(last, token)
                && ((IsSingle(last) && IsSingle(token)) || (!HasHan(text, last) && !HasHan(text, token))))
            {
                chunks[^1].Add(token);
            }
            else
            {
                chunks.Add([token]);
            }
        }

        var pieces = new List<List<AnalyzedToken>>();
        for (var i = 0; i < chunks.Count; i++)
        {
            if (chunks.Count > 1 && chunks[i] is [var lone] && IsSingle(lone) && HasHan(text, lone))
            {
                if (pieces.Count > 0 && Touch(pieces[^1][^1], lone))
                {
                    pieces[^1].Add(lone);
                    continue;
                }

                if (i + 1 < chunks.Count && Touch(lone, chunks[i + 1][0]))
                {
                    chunks[i + 1].Insert(0, lone);
                    continue;
                }
            }

            pieces.Add(chunks[i]);
        }

        return [.. pieces.Select(c => new Chunk(text[c[0].Start..c[^1].End], c))];
    }

    private static bool Touch(AnalyzedToken before, AnalyzedToken after) => before.End == after.Start;

    private static bool IsSingle(AnalyzedToken token) => token.End - token.Start == 1;

    private static bool HasHan(string text, AnalyzedToken token)
    {
        foreach (var c in text.AsSpan(token.Start, token.End - token.Start))
        {
            if (c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static Query? AnyField(IEnumerable<(TextGroup Group, float Boost)> fields, Func<TextGroup, Query?> build)
    {
        var any = new BooleanQuery();
        foreach (var (group, boost) in fields)
        {
            if (build(group) is { } query)
            {
                AddFlat(any, query, boost);
            }
        }

        return any.Clauses.Count switch
        {
            0 => null,
            1 => any.Clauses[0].Query,
            _ => any,
        };
    }

    // A group's word and bigram queries join the disjunction over fields as clauses of their own, boosts
    // multiplied out: BM25 sums the clauses either way, and one level of disjunction is scored with one bucket table.
    private static void AddFlat(BooleanQuery into, Query query, float boost)
    {
        if (query is BooleanQuery { MinimumNumberShouldMatch: 0 } inner && inner.Clauses.All(c => c.Occur == Occur.SHOULD))
        {
            foreach (var clause in inner.Clauses)
            {
                AddFlat(into, clause.Query, boost * inner.Boost);
            }

            return;
        }

        query.Boost *= boost;
        into.Add(query, Occur.SHOULD);
    }

    private static Query? Either(Query? words, Query? bigrams)
    {
        if (words is null || bigrams is null)
        {
            return words ?? bigrams;
        }

        bigrams.Boost = BigramWeight;
        return new BooleanQuery { { words, Occur.SHOULD }, { bigrams, Occur.SHOULD } };
    }

    private static Query? Words(string? field, IReadOnlyList<AnalyzedToken> tokens) => field is null ? null : Phrase(field, tokens);

    private static bool IsSpellable(string word) => word.Length >= 4 && word.All(char.IsAsciiLetterLower);

    /// <summary>The word or one within an edit (two for long words), the first letter as typed: misspellings seldom start wrong.</summary>
    private static FuzzyQuery Lenient(string field, string word) =>
        new(new Term(field, word), maxEdits: word.Length >= 7 ? 2 : 1, prefixLength: 1);

    private Query? Bigrams(string field, string text) => BigramPhrase.Build(field, NeededBigrams(text));

    private List<AnalyzedToken> NeededBigrams(string text)
    {
        var tokens = AnalyzedToken.Analyze(analyzers.Bigram, QueryField, text);

        // The index keeps each run's last character after its bigrams; a query needs it only where no bigram
        // covers it, but keeps the positions as analysed so a phrase lines up with the indexed positions.
        var doubles = tokens.Where(t => string.Equals(t.Type, CJKBigramFilter.DOUBLE_TYPE, StringComparison.Ordinal)).ToList();
        var needed = tokens
            .Where(t => !string.Equals(t.Type, CJKBigramFilter.SINGLE_TYPE, StringComparison.Ordinal)
                || !doubles.Exists(d => d.Start <= t.Start && t.End <= d.End))
            .ToList();
        return needed;
    }

    private static Query? Phrase(string field, IReadOnlyList<AnalyzedToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        var phrase = new PhraseQuery();
        var first = tokens[0].Position;
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token.Term), token.Position - first);
        }

        return phrase;
    }

    private sealed record Chunk(string Text, IReadOnlyList<AnalyzedToken> Tokens);
}
