using Lucene.Net.Search;

namespace Broadsheet.Search.Querying;

/// <summary>A typed term to mark in hits: the whole as typed, or failing that its pieces.</summary>
/// <param name="Phrase">The term as typed, normalised (width-folded, lower-cased, spaces collapsed).</param>
/// <param name="Parts">Its pieces when the query accepted them scattered; empty when only the whole matches.</param>
internal sealed record MarkTerm(string Phrase, IReadOnlyList<string> Parts);

/// <summary>A <see cref="SearchQuery"/> made ready for Lucene.</summary>
/// <param name="Query">What to search, or null when the text had nothing searchable in it (only punctuation).</param>
/// <param name="Filter">The publication, date, page and edition restrictions, or null for none.</param>
/// <param name="MarkTerms">What to mark in the hits.</param>
internal sealed record CompiledQuery(Query? Query, Filter? Filter, IReadOnlyList<MarkTerm> MarkTerms)
{
    /// <summary>Whether a lenient second try could find what this finds not (a Latin word that may be misspelt).</summary>
    public bool Spellable { get; init; }
}
