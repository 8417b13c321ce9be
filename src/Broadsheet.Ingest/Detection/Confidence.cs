using Broadsheet.Core.Model;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// How sure detection is of each article, from what it found: a headline guessed from a caption, a headline with
/// no text under it, text far longer than the page's other stories, a column read as one-line paragraphs, text that
/// reached the story only by position, a region lying over another's. Each doubt is named (the desk words it and
/// lists the most doubtful first) and lowers the article's confidence by its own factor.
/// </summary>
internal static class Confidence
{
    private static readonly (ArticleDoubts Doubt, double Factor)[] Factors =
    [
        (ArticleDoubts.HeadlineGuessed, 0.6),
        (ArticleDoubts.NoText, 0.4),
        (ArticleDoubts.VeryLong, 0.6),
        (ArticleDoubts.Fragmented, 0.7),
        (ArticleDoubts.Overlaps, 0.7),
        (ArticleDoubts.LooseBody, 0.75),
        (ArticleDoubts.Short, 0.7),
        (ArticleDoubts.Ocr, 0.8),
    ];

    /// <summary>The confidence an article's doubts leave it.</summary>
    public static double Of(ArticleDoubts doubts) =>
        Factors.Where(f => doubts.HasFlag(f.Doubt)).Aggregate(1.0, (c, f) => c * f.Factor);

    /// <summary>Sets each article's doubts and confidence; <paramref name="loose"/> counts its lines that only position gave it.</summary>
    public static IReadOnlyList<DetectedArticle> Assess(IReadOnlyList<DetectedArticle> articles, IReadOnlyDictionary<DetectedArticle, int> loose)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(loose);
        var stories = articles.Where(a => a.Kind is ArticleKind.Story).Select(Length).Where(n => n > 0).Order().ToList();
        var median = stories.Count > 0 ? stories[stories.Count / 2] : 0;
        var result = new List<DetectedArticle>();
        foreach (var article in articles)
        {
            var doubts = article.Doubts;
            var length = Length(article);
            if (article.Kind == ArticleKind.Advertisement)
            {
                result.Add(article);
                continue;
            }

            if (article.HeadlineGuessed)
            {
                doubts |= ArticleDoubts.HeadlineGuessed;
            }

            if (article.Kind != ArticleKind.PhotoNews && article.Paragraphs.Count == 0)
            {
                doubts |= ArticleDoubts.NoText;
            }
            else if (article.Kind == ArticleKind.Story && length is > 0 and < 40)
            {
                doubts |= ArticleDoubts.Short;
            }

            if (article.Kind == ArticleKind.Story && stories.Count >= 3 && length > 3 * median && length > 2500)
            {
                doubts |= ArticleDoubts.VeryLong;
            }

            if (IsFragmented(article))
            {
                doubts |= ArticleDoubts.Fragmented;
            }

            var lines = article.Lines.Count(l => l.Role == ArticleLineRole.Body);
            if (loose.TryGetValue(article, out var n) && lines > 0 && n > 0.3 * lines && n >= 3)
            {
                doubts |= ArticleDoubts.LooseBody;
            }

            if (articles.Any(o => !ReferenceEquals(o, article) && Overlap(article, o) > 0.1))
            {
                doubts |= ArticleDoubts.Overlaps;
            }

            result.Add(article with { Doubts = doubts, Confidence = Of(doubts) });
        }

        return result;
    }

    /// <summary>
    /// Lines of the page's content that no article holds, in characters: text a reader can see on the page and never
    /// reach. Lines are matched to articles by their text and where they are.
    /// </summary>
    public static int Unclaimed(PageLayout layout, IReadOnlyList<DetectedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(articles);
        var (top, bottom) = PageFurniture.ContentBand(layout);
        var held = articles.SelectMany(a => a.Lines).Select(l => l.Text.Trim()).ToHashSet(StringComparer.Ordinal);
        var regions = articles.SelectMany(a => a.Regions).ToList();
        var sizes = FontSizes.Of(layout.Lines);
        return layout.Lines
            .Where(l => l.Box.Top >= top - 0.5 && l.Box.Bottom <= bottom + 0.5 && !sizes.IsDisplay(l) && !held.Contains(l.Text.Trim()))
            .Where(l => !regions.Any(r => Contains(r, l.Box.CenterX / layout.Width, l.Box.CenterY / layout.Height)))
            .Sum(l => l.Text.Trim().Length);
    }

    private static int Length(DetectedArticle article) => article.Paragraphs.Sum(p => p.Length);

    /// <summary>Six or more paragraphs of which more than half are shorter than a line of the article's columns.</summary>
    private static bool IsFragmented(DetectedArticle article)
    {
        var body = article.Lines.Where(l => l.Role == ArticleLineRole.Body).ToList();
        if (article.Paragraphs.Count < 6 || body.Count == 0)
        {
            return false;
        }

        var perLine = body.Select(l => l.Text.Length).Order().ElementAt(body.Count * 4 / 5);
        return article.Paragraphs.Count(p => p.Length <= 1.1 * perLine) > 0.5 * article.Paragraphs.Count;
    }

    /// <summary>The share of the smaller region set's area that the other covers (bounding boxes of the regions).</summary>
    private static double Overlap(DetectedArticle a, DetectedArticle b)
    {
        double shared = 0, area = 0;
        foreach (var ra in a.Regions)
        {
            var (al, at, ar, ab) = ra.Bounds;
            area += (ar - al) * (ab - at);
            foreach (var rb in b.Regions)
            {
                var (bl, bt, br, bb) = rb.Bounds;
                shared += Math.Max(0, Math.Min(ar, br) - Math.Max(al, bl)) * Math.Max(0, Math.Min(ab, bb) - Math.Max(at, bt));
            }
        }

        return area <= 0 ? 0 : shared / area;
    }

    private static bool Contains(Polygon polygon, double x, double y)
    {
        var inside = false;
        var points = polygon.Points;
        for (int i = 0, j = points.Count - 1; i < points.Count; j = i++)
        {
            if ((points[i].Y > y) != (points[j].Y > y)
                && x < ((points[j].X - points[i].X) * (y - points[i].Y) / (points[j].Y - points[i].Y)) + points[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
