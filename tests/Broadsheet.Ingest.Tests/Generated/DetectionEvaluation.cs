using System.Globalization;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;
using Broadsheet.Samples;

namespace Broadsheet.Ingest.Tests.Generated;

/// <summary>How one truth article fared: was its headline found, which fields matched, how well its region overlaps.</summary>
/// <remarks>
/// An article continued from another page is listed whole on each page; on the pages after the first only
/// its headline and its region there are for the page's detector to find, the rest comes with the join.
/// </remarks>
internal sealed record ArticleScore(string PageLabel, TruthArticle Truth, DetectedArticle? Found, double RegionIoU)
{
    public bool IsContinuation => !Truth.Id.StartsWith(PageLabel + "-", StringComparison.Ordinal);

    public bool Kicker => Found is not null && (IsContinuation || Found.Kicker == Truth.Kicker);

    public bool Subheadline => Found is not null && (IsContinuation || Found.Subheadline == Truth.Subheadline);

    public bool Byline => Found is not null && (IsContinuation || Found.Byline == Truth.Byline);

    public bool Dateline => Found is not null && (IsContinuation || Found.Dateline == Truth.Dateline);

    public bool Kind => Found is not null && Found.Kind == Truth.Kind;

    /// <summary>Same paragraphs, split the same way (for a part printed on one page).</summary>
    public bool Paragraphs => Found is not null && (IsContinuation || Truth.ContinuedToPage is not null || Found.Paragraphs.SequenceEqual(Truth.Paragraphs));

    /// <summary>Same text once paragraph breaks are ignored.</summary>
    public bool Text => Found is not null && (IsContinuation || Truth.ContinuedToPage is not null || string.Concat(Found.Paragraphs) == string.Concat(Truth.Paragraphs));

    public bool Images => Found is not null
        && Found.Images.Select(i => (i.Caption, i.Credit)).SequenceEqual(Truth.Images.Where(i => i.PageLabel == PageLabel).Select(i => (i.Caption, i.Credit)));
}

/// <summary>Runs the detector over a generated edition and scores it against the ground truth.</summary>
internal sealed class DetectionEvaluation
{
    public List<ArticleScore> Scores { get; } = [];

    /// <summary>Detected articles that match no truth article on their page.</summary>
    public List<(string PageLabel, DetectedArticle Article)> Extra { get; } = [];

    /// <summary>What was detected on each page, in edition order.</summary>
    public List<(string Label, IReadOnlyList<DetectedArticle> Articles)> Pages { get; } = [];

    public static DetectionEvaluation Run(SampleEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var evaluation = new DetectionEvaluation();
        var detector = new SimpleArticleDetector();
        foreach (var page in edition.Pages)
        {
            var articles = detector.Detect(PdfLayoutReader.ReadFirstPage(page.PdfPath));
            evaluation.Pages.Add((page.Label, articles));
            var detected = articles.ToList();
            foreach (var truth in page.Articles)
            {
                var found = detected.FirstOrDefault(d => d.Headline == truth.Headline);
                if (found is not null)
                {
                    detected.Remove(found);
                }

                var truthRegions = truth.Regions.Where(r => r.PageLabel == page.Label).Select(r => new Polygon(r.Points)).ToList();
                evaluation.Scores.Add(new ArticleScore(page.Label, truth, found, found is null ? 0 : IoU(truthRegions, found.Regions)));
            }

            evaluation.Extra.AddRange(detected.Select(d => (page.Label, d)));
        }

        return evaluation;
    }

    public double Share(Func<ArticleScore, bool> test) => (double)Scores.Count(test) / Scores.Count;

    /// <summary>Pages whose found articles come in the truth's reading order.</summary>
    public double ReadingOrderShare => (double)Pages.Count(p =>
    {
        var truth = Scores.Where(s => s.PageLabel == p.Label && s.Found is not null).Select(s => s.Found!).ToList();
        var found = p.Articles.Where(truth.Contains).ToList();
        return truth.SequenceEqual(found);
    }) / Pages.Count;

    /// <summary>
    /// Truth headlines the page cannot show as such: a headline set on two lines loses the ideographic space
    /// between its phrases at the break, so the PDF holds the headline without it.
    /// </summary>
    public static bool IsUnprintable(ArticleScore score, IEnumerable<DetectedArticle> extra) =>
        score.Truth.Headline.Contains('\u3000', StringComparison.Ordinal)
        && extra.Any(a => a.Headline == score.Truth.Headline.Replace("\u3000", "", StringComparison.Ordinal));

    public double MeanIoU => Scores.Where(s => s.Found is not null).Select(s => s.RegionIoU).DefaultIfEmpty(0).Average();

    /// <summary>Intersection over union of two sets of polygons, as the accuracy bench measures it.</summary>
    public static double IoU(IReadOnlyList<Polygon> a, IReadOnlyList<Polygon> b) => Broadsheet.Bench.Accuracy.RegionOverlap.IoU(a, b);

    public string Report()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"articles {Scores.Count}, headlines found {Scores.Count(s => s.Found is not null)}, extra detections {Extra.Count}");
        sb.AppendLine(c, $"kicker {Share(s => s.Kicker):P0}, subheadline {Share(s => s.Subheadline):P0}, byline {Share(s => s.Byline):P0}, dateline {Share(s => s.Dateline):P0}, kind {Share(s => s.Kind):P0}");
        sb.AppendLine(c, $"paragraphs exact {Share(s => s.Paragraphs):P0}, text exact {Share(s => s.Text):P0}, images {Share(s => s.Images):P0}");
        sb.AppendLine(c, $"pages in the truth's reading order {ReadingOrderShare:P0}");
        sb.AppendLine(c, $"region IoU mean {MeanIoU:0.000}, min {Scores.Where(s => s.Found is not null).Select(s => s.RegionIoU).DefaultIfEmpty(0).Min():0.000}, >=0.9 {Share(s => s.RegionIoU >= 0.9):P0}");
        foreach (var s in Scores.Where(s => s.Found is null || !s.Kicker || !s.Subheadline || !s.Byline || !s.Dateline || !s.Kind || !s.Paragraphs || !s.Images || s.RegionIoU < 0.9))
        {
            sb.AppendLine(string.Create(c, $"- {s.PageLabel} {s.Truth.Id} {s.Truth.Kind} '{s.Truth.Headline}': {Problems(s)}"));
        }

        foreach (var (label, articles) in Pages)
        {
            var truth = Scores.Where(s => s.PageLabel == label && s.Found is not null).ToList();
            var order = articles.Select(a => truth.FindIndex(s => ReferenceEquals(s.Found, a))).Where(i => i >= 0).ToList();
            if (!order.SequenceEqual(Enumerable.Range(0, order.Count)))
            {
                sb.AppendLine(c, $"~ {label} reading order {string.Join(" ", order.Select(i => truth[i].Truth.Id))}");
            }
        }

        foreach (var (label, article) in Extra)
        {
            sb.AppendLine(c, $"+ {label} extra '{article.Headline}' ({article.Kind})");
        }

        return sb.ToString();
    }

    private static string Problems(ArticleScore s)
    {
        if (s.Found is not { } f)
        {
            return "headline not found";
        }

        var c = CultureInfo.InvariantCulture;
        var parts = new List<string> { string.Create(c, $"IoU {s.RegionIoU:0.00}") };
        if (s.RegionIoU < 0.9)
        {
            parts.Add("found " + string.Join(" + ", f.Regions.Select(r => Pt(r.Points))) + " truth "
                + string.Join(" + ", s.Truth.Regions.Where(r => r.PageLabel == s.PageLabel).Select(r => Pt(r.Points))));
        }
        if (!s.Kicker)
        {
            parts.Add($"kicker '{f.Kicker}' != '{s.Truth.Kicker}'");
        }

        if (!s.Subheadline)
        {
            parts.Add($"sub '{f.Subheadline}' != '{s.Truth.Subheadline}'");
        }

        if (!s.Byline)
        {
            parts.Add($"byline '{f.Byline}' != '{s.Truth.Byline}'");
        }

        if (!s.Dateline)
        {
            parts.Add($"dateline '{f.Dateline}' != '{s.Truth.Dateline}'");
        }

        if (!s.Kind)
        {
            parts.Add($"kind {f.Kind} != {s.Truth.Kind}");
        }

        if (!s.Paragraphs)
        {
            parts.Add(string.Create(c, $"paragraphs {f.Paragraphs.Count} vs {s.Truth.Paragraphs.Count}") + (s.Text ? " (text same)" : FirstDifference(s)));
        }

        if (!s.Images)
        {
            parts.Add(string.Create(c, $"images {f.Images.Count} vs {s.Truth.Images.Count(i => i.PageLabel == s.PageLabel)}: ")
                + string.Join(" / ", f.Images.Select(i => $"{i.Caption}|{i.Credit}")) + " vs " + string.Join(" / ", s.Truth.Images.Select(i => $"{i.Caption}|{i.Credit}")));
        }

        return string.Join("; ", parts);
    }

    private static string Pt(IEnumerable<NormalisedPoint> points) =>
        string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X * 992:0},{p.Y * 1417:0}")));

    private static string FirstDifference(ArticleScore s)
    {
        var found = string.Join("¶", s.Found!.Paragraphs);
        var truth = string.Join("¶", s.Truth.Paragraphs);
        var i = 0;
        while (i < found.Length && i < truth.Length && found[i] == truth[i])
        {
            i++;
        }

        string Around(string t) => t.Substring(Math.Max(0, i - 15), Math.Min(40, t.Length - Math.Max(0, i - 15)));
        return string.Create(CultureInfo.InvariantCulture, $" at {i}: found '…{Around(found)}…' truth '…{Around(truth)}…'");
    }
}
