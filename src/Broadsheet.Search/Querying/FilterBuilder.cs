using Broadsheet.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Search.Querying;

/// <summary>The non-scoring restrictions of a search: publication, date range, page name, edition.</summary>
internal static class FilterBuilder
{
    public static Filter? Build(SearchQuery query)
    {
        var all = new BooleanQuery();
        if (!string.IsNullOrWhiteSpace(query.Publication))
        {
            all.Add(new TermQuery(new Term(IndexSchema.Publication, query.Publication.Trim())), Occur.MUST);
        }

        if (query.From is not null || query.To is not null)
        {
            all.Add(
                NumericRangeQuery.NewInt32Range(
                    IndexSchema.Date,
                    query.From is { } from ? IndexSchema.DateNumber(from) : null,
                    query.To is { } to ? IndexSchema.DateNumber(to) : null,
                    minInclusive: true,
                    maxInclusive: true),
                Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(query.PageName))
        {
            all.Add(new TermQuery(new Term(IndexSchema.PageName, query.PageName.Trim())), Occur.MUST);
        }

        if (query.Edition is { } edition)
        {
            var term = edition.Number is { } number
                ? new Term(IndexSchema.Edition, IndexSchema.EditionKey(edition.PublicationSlug, edition.Date, number))
                : new Term(IndexSchema.EditionDay, IndexSchema.EditionDayKey(edition.PublicationSlug, edition.Date));
            all.Add(new TermQuery(term), Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : new BitSetFilter(all);
    }
}
