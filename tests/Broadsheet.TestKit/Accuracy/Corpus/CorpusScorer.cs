using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Ingest.Detection;

namespace Broadsheet.Bench.Accuracy.Corpus;

/// <summary>How one truth article fared on its page.</summary>
/// <param name="Truth">The article as printed.</param>
/// <param name="Found">The detected article that recovered it, or null.</param>
/// <param name="Why">Why it was not recovered ("no such headline", "lacks …", "holds another article's text").</param>
/// <param name="WrongFields">Of a recovered article, the fields given in the truth that came out wrong.</param>
internal sealed record CorpusArticleScore(CorpusTruthArticle Truth, DetectedArticle? Found, string? Why, IReadOnlyList<string> WrongFields);

/// <summary>
/// The shared corpus's <c>score.py</c>, rule for rule, over detected articles instead of the API's JSON: an
/// article is recovered when a detected article on the page has a headline at least 0.8 similar (white space
/// removed, NFKC-folded), holds every phrase of the truth's <c>contains</c> and none of another truth article's;
/// kicker, subheadline and byline of a recovered article are right when the truth's text (dashes trimmed; for
/// bylines the names, role words dropped) is found in the detected field.
/// </summary>
internal static partial class CorpusScorer
{
    public static IReadOnlyList<CorpusArticleScore> Score(IReadOnlyList<CorpusTruthArticle> truth, IReadOnlyList<DetectedArticle> detected)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(detected);
        var produced = detected.Select(a => (Headline: Norm(a.Headline), Text: Texts(a), Article: a)).ToList();
        var scores = new List<CorpusArticleScore>();
        foreach (var t in truth)
        {
            var others = truth.Where(o => !ReferenceEquals(o, t)).SelectMany(o => o.Contains).Select(Norm).ToList();
            var headline = Norm(t.Headline);
            var hit = produced.FirstOrDefault(p => Similarity.Ratio(p.Headline, headline) >= 0.8
                && t.Contains.All(c => p.Text.Contains(Norm(c), StringComparison.Ordinal))
                && !others.Any(o => p.Text.Contains(o, StringComparison.Ordinal)));
            if (hit.Article is not null)
            {
                scores.Add(new(t, hit.Article, null, WrongFields(t, hit.Article)));
                continue;
            }

            var near = produced.Count == 0 ? default : produced.MaxBy(p => Similarity.Ratio(p.Headline, headline));
            string why;
            if (near.Article is null || Similarity.Ratio(near.Headline, headline) < 0.8)
            {
                why = "no such headline";
            }
            else
            {
                var lost = t.Contains.Where(c => !near.Text.Contains(Norm(c), StringComparison.Ordinal)).ToList();
                why = lost.Count > 0 ? "lacks " + string.Join(" | ", lost) : "holds another article's text";
            }

            scores.Add(new(t, null, $"{why}; nearest '{near.Article?.Headline}'", []));
        }

        return scores;
    }

    private static List<string> WrongFields(CorpusTruthArticle truth, DetectedArticle found)
    {
        var wrong = new List<string>();
        foreach (var (field, want, have) in new[] { ("kicker", truth.Kicker, found.Kicker), ("subheadline", truth.Subheadline, found.Subheadline), ("byline", truth.Byline, found.Byline) })
        {
            if (string.IsNullOrEmpty(want))
            {
                continue;
            }

            var w = Norm(want).Trim('—');
            var h = Norm(have);
            if (field == "byline")
            {
                w = Roles().Replace(w, "").ToLowerInvariant();
                h = Roles().Replace(h, "").ToLowerInvariant();
            }

            if (w.Length == 0 || !h.Contains(w, StringComparison.Ordinal))
            {
                wrong.Add($"{field}: want '{want}' got '{have}'");
            }
        }

        return wrong;
    }

    /// <summary>White space removed, width and compatibility forms folded, as score.py's <c>norm</c>.</summary>
    public static string Norm(string? text) => Whitespace().Replace((text ?? "").Normalize(NormalizationForm.FormKC), "");

    private static string Texts(DetectedArticle a)
    {
        var parts = new List<string?> { a.Kicker, a.Headline, a.Subheadline, a.Byline };
        parts.AddRange(a.Paragraphs);
        parts.AddRange(a.Images.Select(i => i.Caption));
        return Norm(string.Concat(parts));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"本报记者|见习记者|实习记者|特约记者|记者|通讯员|实习生|摄影|本报讯|[■●（）()]|^by", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Roles();
}
