using System.Text;
using Broadsheet.Search.Analysis;
using Broadsheet.Search.Indexing;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Search.Querying;

/// <summary>Turns a <see cref="SearchQuery"/> into a Lucene query and filter, and the terms to mark in hits.</summary>
internal sealed class QueryCompiler(SearchAnalyzers analyzers)
{
    // Terms typed next to each other and found within a few words of each other rank above scattered ones.
    private const int ProximitySlopPerTerm = 3;
    private const float ProximityBoost = 2f;

    private readonly TermQueryFactory _terms = new(analyzers);

    /// <param name="query">The reader's search.</param>
    /// <param name="lenient">Let single Latin words match near misspellings (see <see cref="TermQueryFactory.Build"/>).</param>
    public CompiledQuery Compile(SearchQuery query, bool lenient = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = UserQueryParser.Parse(query.Text);
        var root = new BooleanQuery();
        var marks = new List<MarkTerm>();
        var plainTerms = new List<TermQueryParts>();
        var hasIncluded = false;
        var spellable = false;
        foreach (var group in parsed.Groups)
        {
            var alternatives = group.Alternatives
                .Select(t => (Term: t, Parts: _terms.Build(t, lenient)))
                .Where(a => a.Parts is not null)
                .ToList();
            if (alternatives.Count == 0)
            {
                continue;
            }

            Query groupQuery = alternatives.Count == 1 ? alternatives[0].Parts!.Query : AnyOf(alternatives.Select(a => a.Parts!.Query));
            root.Add(groupQuery, group.Excluded ? Occur.MUST_NOT : Occur.MUST);
            if (group.Excluded)
            {
                continue;
            }

            hasIncluded = true;
            spellable |= alternatives.Exists(a => a.Parts!.Spellable);
            marks.AddRange(alternatives.Select(a => new MarkTerm(Normalise(a.Term.Text), [.. a.Parts!.Parts.Select(Normalise)])));
            if (alternatives.Count == 1 && alternatives[0].Term is { IsPhrase: false, Scope: TermScope.Anywhere })
            {
                plainTerms.Add(alternatives[0].Parts!);
            }
        }

        var filter = FilterBuilder.Build(query);
        if (!parsed.IsEmpty && root.Clauses.Count == 0)
        {
            return new CompiledQuery(null, filter, []);
        }

        if (!hasIncluded)
        {
            // Nothing typed, or only exclusions: everything that passes the filters, minus the exclusions.
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        if (plainTerms.Count > 1 && Proximity(plainTerms) is { } near)
        {
            root.Add(near, Occur.SHOULD);
        }

        return new CompiledQuery(root, filter, [.. marks.DistinctBy(m => m.Phrase, StringComparer.Ordinal)]) { Spellable = spellable };
    }

    /// <summary>Normalises a typed term for display and marking: width-folded, lower-cased, spaces collapsed.</summary>
    public static string Normalise(string text)
    {
        var folded = WidthFolding.Fold(text).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var part in folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(part);
        }

        return sb.ToString();
    }

    private static BooleanQuery AnyOf(IEnumerable<Query> queries)
    {
        var any = new BooleanQuery();
        foreach (var q in queries)
        {
            any.Add(q, Occur.SHOULD);
        }

        return any;
    }

    private static Query? Proximity(List<TermQueryParts> terms)
    {
        var near = new BooleanQuery();
        foreach (var (group, boost) in TermQueryFactory.ProximityFields)
        {
            var phrase = new PhraseQuery { Slop = ProximitySlopPerTerm * (terms.Count - 1) };
            var field = group.WordField ?? group.BigramField;
            var position = 0;
            foreach (var term in terms)
            {
                var tokens = group.WordField is null ? term.BigramTokens : term.WordTokens;
                if (tokens.Count == 0)
                {
                    return null;
                }

                var first = tokens[0].Position;
                foreach (var token in tokens)
                {
                    phrase.Add(new Term(field, token.Term), position + token.Position - first);
                }

                // A bigram stands at the position of its first character and covers the next one too.
                var width = string.Equals(tokens[^1].Type, CJKBigramFilter.DOUBLE_TYPE, StringComparison.Ordinal) ? 2 : 1;
                position += tokens[^1].Position - first + width;
            }

            phrase.Boost = boost * ProximityBoost;
            near.Add(phrase, Occur.SHOULD);
        }

        return near;
    }
}
