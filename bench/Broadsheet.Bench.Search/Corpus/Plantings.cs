using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Corpus;

/// <summary>
/// Places the plants of the <see cref="RelevanceSet"/> into articles spread evenly over the whole archive (the
/// cases take turns, so each case's articles span the thirty years), and records the right answers as the
/// generator streams past them.
/// </summary>
internal sealed class Plantings
{
    private readonly Dictionary<int, Action<ArticleDraft, Random>> _plants = [];
    private readonly Dictionary<RelevanceCase, HashSet<int>> _expected = [];

    public Plantings(CorpusShape shape, IReadOnlyList<RelevanceCase> cases)
    {
        Cases = cases;
        var queue = new List<Action<ArticleDraft, Random>>();
        var longest = cases.Max(c => c.Plants.Count);
        for (var round = 0; round < longest; round++)
        {
            queue.AddRange(cases.Where(c => round < c.Plants.Count).Select(c => c.Plants[round]));
        }

        if (shape.Count < queue.Count * 4)
        {
            throw new ArgumentException($"The corpus needs at least {queue.Count * 4} articles for the labelled set.", nameof(shape));
        }

        for (var slot = 0; slot < queue.Count; slot++)
        {
            _plants.Add((int)(((slot + 0.5) * shape.Count) / queue.Count), queue[slot]);
        }

        foreach (var c in cases)
        {
            _expected[c] = [];
        }
    }

    public IReadOnlyList<RelevanceCase> Cases { get; }

    /// <summary>Article ids that are right answers to <paramref name="relevanceCase"/>; complete once the corpus has been streamed.</summary>
    public IReadOnlySet<int> Expected(RelevanceCase relevanceCase) => _expected[relevanceCase];

    public void Plant(ArticleDraft draft, Random random)
    {
        if (_plants.TryGetValue(draft.Index, out var plant))
        {
            plant(draft, random);
        }
    }

    public void Observe(ArticleDocument document)
    {
        if (!_plants.ContainsKey(document.ArticleId - 1))
        {
            return;
        }

        foreach (var c in Cases)
        {
            if (c.IsRight(document))
            {
                _expected[c].Add(document.ArticleId);
            }
        }
    }
}
