using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Broadsheet.Search.Querying;

/// <summary>
/// A filter held as a bit set for the one search it serves (nothing is cached between searches), so that a
/// search can use it to reject articles before they are scored: see <see cref="Apply"/>.
/// </summary>
internal sealed class BitSetFilter(Query query) : Filter
{
    // Below this share of the index, a filter is cheaper to step through than to check against.
    private const int SparseDivisor = 100;

    private static readonly FilteredQuery.FilterStrategy Strategy = new DensityStrategy();

    /// <summary>
    /// The query restricted to what the filter passes. A dense filter (a page name, a date range) is handed to
    /// the query's term readers as the set of acceptable articles, so a phrase checks positions, and a clause is
    /// scored, only where the filter passes. Stepping through the filter instead (Lucene's usual way when its
    /// first match is not near the start) advances the query to each passing article, and a phrase scorer asked
    /// to advance reads ahead to its next match, checking positions in every article in between. A sparse
    /// filter (one edition) is still stepped through: there are few steps, and the query's term lists are
    /// skipped rather than read whole.
    /// </summary>
    public static Query Apply(Query query, Filter? filter) =>
        filter is null ? query : new FilteredQuery(query, filter, Strategy);

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var iterator = new QueryWrapperFilter(query).GetDocIdSet(context, acceptDocs)?.GetIterator();
        if (iterator is null)
        {
            return null;
        }

        var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
        bits.Or(iterator);
        return bits;
    }

    public override string ToString() => $"BitSetFilter({query})";

    private sealed class DensityStrategy : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) =>
            bits is FixedBitSet set && set.Cardinality * (long)SparseDivisor >= set.Length;
    }
}
