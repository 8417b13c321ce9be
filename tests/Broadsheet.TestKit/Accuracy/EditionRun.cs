using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Import;
using Broadsheet.Ingest.Text;
using Broadsheet.Samples;

namespace Broadsheet.Bench.Accuracy;

/// <summary>What detection made of one page: the articles (parts) found and whether it asked for review.</summary>
internal sealed record PageResult(int Seed, string Label, bool TruthUnreadable, bool MarkedForReview, IReadOnlyList<DetectedArticle> Articles, IReadOnlyList<DetectedArticle> Extra);

/// <summary>
/// One generated edition through the importer's own text and detection path (no database): per page
/// <see cref="PdfLayoutReader"/> then <see cref="SimpleArticleDetector"/>, then <see cref="ContinuationJoiner"/>
/// over the edition; each article scored against the <c>.truth.json</c> beside its page.
/// </summary>
internal static class EditionRun
{
    public static (List<ArticleResult> Articles, List<PageResult> Pages) Run(int seed, SampleEdition edition)
    {
        var detector = new SimpleArticleDetector();
        var pages = new List<PageResult>();
        var truths = new List<(string Label, TruthPage Page)>();
        foreach (var page in edition.Pages)
        {
            var truth = GroundTruth.ReadPage(page.TruthPath);
            var layout = PdfLayoutReader.ReadFirstPage(page.PdfPath);
            var articles = detector.Detect(layout);
            var review = layout.IsUnreadable || articles.Count == 0;
            pages.Add(new PageResult(seed, page.Label, truth.TextUnreadable, review, articles, []));
            truths.Add((page.Label, truth));
        }

        var joined = ContinuationJoiner.Join([.. pages.Select(p => (p.Label, p.Articles))]);
        var owner = new Dictionary<DetectedArticle, EditionArticle>(ReferenceEqualityComparer.Instance);
        foreach (var article in joined)
        {
            foreach (var (_, part) in article.Parts)
            {
                owner[part] = article;
            }
        }

        // Each page's truth articles take the detected part with their headline, in reading order.
        var matched = new Dictionary<(string Label, string Id), DetectedArticle>();
        for (var i = 0; i < pages.Count; i++)
        {
            var remaining = pages[i].Articles.ToList();
            foreach (var truth in truths[i].Page.Articles)
            {
                // The part of an article continued from an earlier page repeats its headline, on two lines where one
                // does not fit, so without the space a break between phrases takes.
                var continued = !truth.Regions[0].PageLabel.Equals(pages[i].Label, StringComparison.Ordinal);
                var found = remaining.FirstOrDefault(d => string.Equals(d.Headline, truth.Headline, StringComparison.Ordinal))
                    ?? (continued ? remaining.FirstOrDefault(d => string.Equals(Squeeze(d.Headline), Squeeze(truth.Headline), StringComparison.Ordinal)) : null);
                if (found is not null)
                {
                    remaining.Remove(found);
                    matched[(pages[i].Label, truth.Id)] = found;
                }
            }

            pages[i] = pages[i] with { Extra = remaining };
        }

        var unreadable = truths.Where(t => t.Page.TextUnreadable).Select(t => t.Label).ToHashSet(StringComparer.Ordinal);
        var results = new List<ArticleResult>();
        foreach (var truth in truths.SelectMany(t => t.Page.Articles).DistinctBy(a => a.Id))
        {
            var labels = truth.Regions.Select(r => r.PageLabel).Distinct(StringComparer.Ordinal).ToList();
            if (labels.Any(unreadable.Contains))
            {
                // Not to be recovered: the page must be marked for review instead (see PageResult).
                continue;
            }

            var parts = labels.Select(l => matched.GetValueOrDefault((l, truth.Id))).ToList();
            var found = parts[0] is { } first ? owner[first] : null;
            var partsJoined = found is not null && found.Parts.Count == parts.Count
                && found.Parts.Zip(parts).All(x => ReferenceEquals(x.First.Part, x.Second));
            var ious = labels.Select((label, i) => parts[i] is { } part
                ? RegionOverlap.IoU([.. truth.Regions.Where(r => r.PageLabel == label).Select(r => new Polygon(r.Points))], part.Regions)
                : 0).ToList();
            results.Add(new ArticleResult(seed, truth, found, ious, partsJoined));
        }

        return (results, pages);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
