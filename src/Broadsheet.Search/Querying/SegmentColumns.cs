using System.Runtime.CompilerServices;
using Broadsheet.Search.Indexing;
using Lucene.Net.Index;

namespace Broadsheet.Search.Querying;

/// <summary>
/// One segment's per-article values that a search reads for every match, as plain arrays: its date (relevance
/// ties go to the newer edition), its month's facet counter, its page name's and its publication's ordinals.
/// Reading doc values through Lucene.Net for those fields was about 80 ns an article (45 ms of facets for a
/// common word's half a million matches at a million articles); an array read is a few. Built once per segment
/// from its doc values (16 bytes an article) and kept as long as the segment is, whatever reader opened it;
/// <see cref="IndexState"/> builds them when a searcher is opened, so no reader's search waits for it.
/// </summary>
internal sealed class SegmentColumns
{
    /// <summary>The first year a month counter covers; <see cref="Months"/> covers <see cref="Years"/> from it.</summary>
    public const int FirstYear = 1700;

    public const int Years = 500;

    private static readonly ConditionalWeakTable<object, SegmentColumns> BySegment = [];

    private SegmentColumns(int[] dates, int[] months, int[] pages, int[] publications)
    {
        Dates = dates;
        Months = months;
        Pages = pages;
        Publications = publications;
    }

    /// <summary>Per article: its edition's date as a yyyyMMdd number (0 when the segment has no dates).</summary>
    public int[] Dates { get; }

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

    public static SegmentColumns For(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => Build(segment));

    /// <summary>The month counter for a yyyyMM number, or the complement of the number when no counter covers it.</summary>
    public static int MonthSlot(int month)
    {
        var slot = (((month / 100) - FirstYear) * 12) + (month % 100) - 1;
        return month % 100 is >= 1 and <= 12 && (uint)slot < Years * 12 ? slot : ~month;
    }

    private static SegmentColumns Build(AtomicReader segment)
    {
        var count = segment.MaxDoc;
        var dates = new int[count];
        var months = new int[count];
        var pages = new int[count];
        var publications = new int[count];
        var dateValues = segment.GetNumericDocValues(IndexSchema.DateValues);
        var pageValues = segment.GetSortedDocValues(IndexSchema.PageNameValues);
        var publicationValues = segment.GetSortedDocValues(IndexSchema.PublicationValues);
        for (var doc = 0; doc < count; doc++)
        {
            dates[doc] = (int)(dateValues?.Get(doc) ?? 0);
            months[doc] = dateValues is null ? NoMonth : MonthSlot(dates[doc] / 100);
            pages[doc] = pageValues?.GetOrd(doc) ?? -1;
            publications[doc] = publicationValues?.GetOrd(doc) ?? -1;
        }

        return new SegmentColumns(dates, months, pages, publications);
    }
}
