using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Draws each article's region around its parts, as the typesetter's frame for it rather than its ink:
/// a column that stops short reaches down to the next story below it or to the foot of the page, and blank
/// space inside the story's bounds that no other story uses is the story's. The parts are joined across
/// gutters by <see cref="RegionOutline"/>, so a story set in an L keeps its L.
/// </summary>
internal static class Regions
{
    /// <summary>Gaps up to twice this many body ems (a gutter, the space around a photo) are closed.</summary>
    private const double Gap = 1.5;

    public static IReadOnlyList<DetectedArticle> Draw(IReadOnlyList<DetectedArticle> articles, PageLayout layout, double contentBottom, FontSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(sizes);
        var result = new List<DetectedArticle>();
        foreach (var article in articles)
        {
            if (article.Regions.Count > 0 || article.Parts.Count == 0)
            {
                // Advertisements come with their frame.
                result.Add(article);
                continue;
            }

            // A page has no unused space: below a story's columns, down to the next story or the foot of the
            // page, is the story's (a sidebar of briefs runs to the foot however short its items).
            var others = articles.Where(a => !ReferenceEquals(a, article)).SelectMany(a => a.Parts).ToList();
            var foot = Math.Max(contentBottom, article.Parts.Max(p => p.Bottom));
            var parts = article.Parts.Select((p, i) => i == 0 ? p : Lengthen(p, foot, others, sizes)).ToList();
            result.Add(article with { Regions = RegionOutline.Outline(parts, Gap * sizes.Body, layout.Width, layout.Height, others) });
        }

        return result;
    }

    /// <summary>The foot of the printed content: where the column rules end, or the last line or photo.</summary>
    public static double ContentBottom(PageLayout layout, double bandBottom)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.Rules.Where(r => !r.IsHorizontal).Select(r => r.Box.Bottom)
            .Concat(layout.Lines.Select(l => l.Box.Bottom))
            .Concat(layout.Images.Select(i => i.Box.Bottom))
            .Where(b => b <= bandBottom + 1)
            .DefaultIfEmpty(bandBottom)
            .Max();
    }

    private static PageBox Lengthen(PageBox part, double foot, List<PageBox> others, FontSizes sizes)
    {
        var bottom = foot;
        foreach (var other in others)
        {
            if (other.HorizontalOverlap(part) > 1 && other.Top >= part.Bottom - 1)
            {
                bottom = Math.Min(bottom, other.Top - sizes.Body);
            }
        }

        return bottom > part.Bottom ? part with { Bottom = bottom } : part;
    }
}
