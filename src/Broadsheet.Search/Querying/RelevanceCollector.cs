using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Search.Querying;

/// <summary>
/// Keeps the best hits by relevance, counts every hit and, when given one, feeds the facet counter, in one pass
/// over the matches. It orders hits as Lucene's field-sorting collector does for score then date (the better
/// score first; among equal scores the newer edition, then the article indexed first), but decides most matches
/// with one comparison against the worst hit kept: for a word in half the archive that collector and the
/// collector that tees matches to the facets were a quarter of the search.
/// </summary>
internal sealed class RelevanceCollector(int size, FacetCollector? facets) : ICollector
{
    private readonly Hit[] _heap = new Hit[Math.Max(1, size)];
    private int _kept;
    private int _docBase;
    private int[] _dates = [];
    private Scorer? _scorer;

    /// <summary>How many articles matched.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _dates = SegmentColumns.For(context.AtomicReader).Dates;
        facets?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        facets?.Collect(doc);
        var score = _scorer!.GetScore();
        if (_kept == _heap.Length)
        {
            ref var worst = ref _heap[0];
            if (score < worst.Score)
            {
                return;
            }

            var hit = new Hit(score, _dates[doc], _docBase + doc);
            if (score == worst.Score && !Better(hit, worst))
            {
                return;
            }

            worst = hit;
            SiftDown(0);
            return;
        }

        _heap[_kept] = new Hit(score, _dates[doc], _docBase + doc);
        SiftUp(_kept++);
    }

    /// <summary>The kept hits from <paramref name="skip"/> on, best first, at most <paramref name="count"/>.</summary>
    public ScoreDoc[] Top(int skip, int count)
    {
        var best = _heap[.._kept];
        Array.Sort(best, (a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        return [.. best.Skip(skip).Take(count).Select(h => new ScoreDoc(h.Doc, h.Score))];
    }

    private static bool Better(in Hit a, in Hit b) =>
        a.Score != b.Score ? a.Score > b.Score : a.Date != b.Date ? a.Date > b.Date : a.Doc < b.Doc;

    // The heap keeps its worst hit at the root.
    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_heap[parent], _heap[i]))
            {
                return;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            if (left < _kept && Better(_heap[worst], _heap[left]))
            {
                worst = left;
            }

            if (left + 1 < _kept && Better(_heap[worst], _heap[left + 1]))
            {
                worst = left + 1;
            }

            if (worst == i)
            {
                return;
            }

            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }

    private readonly record struct Hit(float Score, int Date, int Doc);
}
