using System.Runtime.CompilerServices;
using Broadsheet.Search.Indexing;
using Lucene.Net.Index;

namespace Broadsheet.Search.Querying;

/// <summary>
/// One segment's facet values as plain arrays, one slot per article: its month's counter, its page name's and its
/// publication's ordinals. Counting facets reads them for every matching article, and reading doc values through
/// Lucene.Net for three fields was about 80 ns an article (45 ms for a common word's half a million matches at a
/// million articles); an array read is a few. Built once per segment from its doc values (12 bytes an article) and
/// kept as long as the segment is, whatever reader opened it; <see cref="IndexState"/> builds them when a
/// searcher is opened, so no reader's search waits for it.
/// </summary>
internal sealed class FacetColumns
{
    /// <summary>The first year a month counter covers; <see cref="Months"/> covers <see cref="Years"/> from it.</summary>
    public const int FirstYear = 1700;

    public const int Years = 500;

    private static readonly ConditionalWeakTable<object, FacetColumns> BySegment = [];

    private FacetColumns(int[] months, int[] pages, int[] publications)
    {
        Months = months;
        Pages = pages;
        Publications = publications;
    }

    /// <summary>In <see cref="Months"/>: the segment has no dates at all.</summary>
    public const int NoMonth = int.MinValue;

    /// <summary>
    /// Per article: its month's counter, <c>(year - FirstYear) * 12 + month - 1</c>; for a date outside the
    /// covered years the bitwise complement of its yyyyMM number (always negative), or <see cref="NoMonth"/>.
    /// </summary>
    public int[] Months { get; }

    /// <summary>Per article: the ordinal of its page name in the segment's sorted values, or -1.</summary>
    public int[] Pages { get; }

    /// <summary>Per article: the ordinal of its publication in the segment's sorted values, or -1.</summary>
    public int[] Publications { get; }

    public static FacetColumns For(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => Build(segment));

    /// <summary>The month counter for a yyyyMM number, or the complement of the number when no counter covers it.</summary>
    public static int MonthSlot(int month)
    {
        var slot = (((month / 100) - FirstYear) * 12) + (month % 100) - 1;
        return month % 100 is >= 1 and <= 12 && (uint)slot < Years * 12 ? slot : ~month;
    }

    private static FacetColumns Build(AtomicReader segment)
    {
        var count = segment.MaxDoc;
        var months = new int[count];
        var pages = new int[count];
        var publications = new int[count];
        var dates = segment.GetNumericDocValues(IndexSchema.DateValues);
        var pageValues = segment.GetSortedDocValues(IndexSchema.PageNameValues);
        var publicationValues = segment.GetSortedDocValues(IndexSchema.PublicationValues);
        for (var doc = 0; doc < count; doc++)
        {
            months[doc] = dates is null ? NoMonth : MonthSlot((int)(dates.Get(doc) / 100));
            pages[doc] = pageValues?.GetOrd(doc) ?? -1;
            publications[doc] = publicationValues?.GetOrd(doc) ?? -1;
        }

        return new FacetColumns(months, pages, publications);
    }
}
