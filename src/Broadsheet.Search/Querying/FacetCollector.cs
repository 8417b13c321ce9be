using System.Globalization;
using System.Text;
using Broadsheet.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Broadsheet.Search.Querying;

/// <summary>
/// Counts every matching article by month, page name and publication from the segment's
/// <see cref="SegmentColumns"/>, alongside the collector that keeps the top hits (the Facet module is not among
/// the packages we can use, and counting ordinals per segment is all it would do here).
/// </summary>
internal sealed class FacetCollector : ICollector
{
    // A common word matches a good part of the archive, so a month is counted in an array slot rather than
    // looked up in a dictionary once per matching article; the slots cover any date a paper can carry.
    private readonly int[] _monthCounts = new int[SegmentColumns.Years * 12];
    private readonly Dictionary<int, int> _otherMonths = [];
    private readonly Dictionary<string, int> _pageNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _publications = new(StringComparer.Ordinal);

    private SegmentColumns? _columns;
    private SortedDocValues? _pageValues;
    private SortedDocValues? _publicationValues;
    private int[] _pageCounts = [];
    private int[] _publicationCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _columns = SegmentColumns.For(reader);
        _pageValues = reader.GetSortedDocValues(IndexSchema.PageNameValues);
        _publicationValues = reader.GetSortedDocValues(IndexSchema.PublicationValues);
        _pageCounts = new int[_pageValues?.ValueCount ?? 0];
        _publicationCounts = new int[_publicationValues?.ValueCount ?? 0];
    }

    public void Collect(int doc)
    {
        var columns = _columns!;
        var month = columns.Months[doc];
        if (month >= 0)
        {
            _monthCounts[month]++;
        }
        else if (month != SegmentColumns.NoMonth)
        {
            _otherMonths[~month] = _otherMonths.GetValueOrDefault(~month) + 1;
        }

        if (columns.Pages[doc] is >= 0 and var pageOrd)
        {
            _pageCounts[pageOrd]++;
        }

        if (columns.Publications[doc] is >= 0 and var pubOrd)
        {
            _publicationCounts[pubOrd]++;
        }
    }

    public SearchFacets Result()
    {
        Flush();
        var monthCounts = new Dictionary<int, int>(_otherMonths);
        for (var slot = 0; slot < _monthCounts.Length; slot++)
        {
            if (_monthCounts[slot] > 0)
            {
                monthCounts[((SegmentColumns.FirstYear + (slot / 12)) * 100) + (slot % 12) + 1] = _monthCounts[slot];
            }
        }

        var years = monthCounts
            .GroupBy(m => m.Key / 100)
            .OrderBy(g => g.Key)
            .Select(g => new FacetCount(g.Key.ToString("0000", CultureInfo.InvariantCulture), g.Sum(m => m.Value)));
        var months = monthCounts
            .OrderBy(m => m.Key)
            .Select(m => new FacetCount(
                string.Create(CultureInfo.InvariantCulture, $"{m.Key / 100:0000}-{m.Key % 100:00}"), m.Value));
        return new SearchFacets([.. years], [.. months], ByCount(_pageNames), ByCount(_publications));
    }

    private static FacetCount[] ByCount(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetCount(c.Key, c.Value))];

    // Ordinals are per segment, so counts are turned into names before moving to the next segment.
    private void Flush()
    {
        Flush(_pageValues, _pageCounts, _pageNames);
        Flush(_publicationValues, _publicationCounts, _publications);
        _pageCounts = [];
        _publicationCounts = [];
    }

    private static void Flush(SortedDocValues? values, int[] counts, Dictionary<string, int> into)
    {
        if (values is null)
        {
            return;
        }

        var bytes = new BytesRef();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0)
            {
                continue;
            }

            values.LookupOrd(ord, bytes);
            var name = Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length);
            if (name.Length == 0)
            {
                // Articles on an unnamed page: nothing a reader could pick.
                continue;
            }

            into[name] = into.GetValueOrDefault(name) + counts[ord];
        }
    }
}
