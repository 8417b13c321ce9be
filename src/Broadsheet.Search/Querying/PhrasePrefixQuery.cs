using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Broadsheet.Search.Querying;

/// <summary>
/// A phrase whose last term matches every indexed term it begins (A股 finds A股市 and A股 alike). Rewritten
/// against the reader into a <see cref="MultiPhraseQuery"/> over the terms found.
/// </summary>
internal sealed class PhrasePrefixQuery : Query
{
    // A common character begins a few thousand bigrams at most; the cap keeps a query's size bounded anyway.
    private const int MaxExpansions = 4096;

    private readonly IReadOnlyList<(Term Term, int Position)> _terms;

    /// <param name="terms">At least two terms of one field with their positions; the last one is the prefix.</param>
    public PhrasePrefixQuery(IReadOnlyList<(Term Term, int Position)> terms)
    {
        if (terms.Count < 2)
        {
            throw new ArgumentException("A phrase prefix needs at least two terms.", nameof(terms));
        }

        _terms = terms;
    }

    public override Query Rewrite(IndexReader reader)
    {
        var (prefix, last) = _terms[^1];
        var endings = Expand(reader, prefix);
        if (endings.Length == 0)
        {
            return new BooleanQuery();
        }

        var phrase = new MultiPhraseQuery { Boost = Boost };
        foreach (var (term, position) in _terms.Take(_terms.Count - 1))
        {
            phrase.Add([term], position);
        }

        phrase.Add(endings, last);
        return phrase;
    }

    public override string ToString(string field)
    {
        var sb = new StringBuilder().Append('"');
        sb.AppendJoin(' ', _terms.Select(t => t.Term.Field == field ? t.Term.Text : t.Term.ToString()));
        return sb.Append("*\"").Append(ToStringUtils.Boost(Boost)).ToString();
    }

    public override bool Equals(object? obj) =>
        obj is PhrasePrefixQuery other && Boost.Equals(other.Boost) && _terms.SequenceEqual(other._terms);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        foreach (var term in _terms)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }

    private static Term[] Expand(IndexReader reader, Term prefix)
    {
        var terms = MultiFields.GetTerms(reader, prefix.Field);
        if (terms is null)
        {
            return [];
        }

        var found = new List<Term>();
        var start = prefix.Bytes;
        var e = terms.GetEnumerator();
        if (e.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        do
        {
            var term = e.Term;
            if (!StringHelper.StartsWith(term, start))
            {
                break;
            }

            found.Add(new Term(prefix.Field, BytesRef.DeepCopyOf(term)));
        }
        while (found.Count < MaxExpansions && e.MoveNext());

        return [.. found];
    }
}
