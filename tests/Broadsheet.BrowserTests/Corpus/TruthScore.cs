using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Broadsheet.BrowserTests.Corpus;

/// <summary>One article of a corpus page's truth file: what the printed page says it is.</summary>
internal sealed record TruthArticle(string Headline, string? Kicker, string? Subheadline, string? Byline, string Kind, IReadOnlyList<string> Contains);

/// <summary>How one truth article fared: the produced article that recovers it, or why none does.</summary>
internal sealed record TruthResult(TruthArticle Truth, JsonElement? Found, string? Why);

/// <summary>
/// The shared corpus's <c>score.py</c>, rule for rule, over the JSON API's edition: an article is recovered when an
/// article of the page has a headline at least 0.8 similar (difflib's ratio, white space removed, NFKC-folded),
/// holds every phrase of the truth's <c>contains</c> and none of another truth article's.
/// </summary>
internal static partial class TruthScore
{
    public static IReadOnlyList<TruthArticle> Read(string truthPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(truthPath));
        return [.. document.RootElement.GetProperty("articles").EnumerateArray().Select(a => new TruthArticle(
            a.GetProperty("headline").GetString()!,
            Optional(a, "kicker"),
            Optional(a, "subheadline"),
            Optional(a, "byline"),
            Optional(a, "kind") ?? "story",
            [.. a.TryGetProperty("contains", out var c) ? c.EnumerateArray().Select(p => p.GetString()!) : []]))];
    }

    /// <summary>Scores the first page of <paramref name="edition"/> (the API's edition JSON) against <paramref name="truth"/>.</summary>
    public static IReadOnlyList<TruthResult> Score(JsonElement edition, IReadOnlyList<TruthArticle> truth)
    {
        var articles = edition.GetProperty("pages")[0].GetProperty("articles").EnumerateArray().ToList();
        var produced = articles.Select(a => (Headline: Norm(Str(a, "headline")), Text: Texts(a), Article: a)).ToList();
        var results = new List<TruthResult>();
        foreach (var t in truth)
        {
            var others = truth.Where(o => !ReferenceEquals(o, t)).SelectMany(o => o.Contains).Select(Norm).ToList();
            var headline = Norm(t.Headline);
            var hit = produced.FirstOrDefault(p => Ratio(p.Headline, headline) >= 0.8
                && t.Contains.All(c => p.Text.Contains(Norm(c), StringComparison.Ordinal))
                && !others.Any(o => p.Text.Contains(o, StringComparison.Ordinal)));
            if (hit.Headline is not null)
            {
                results.Add(new TruthResult(t, hit.Article, null));
                continue;
            }

            var near = produced.Count == 0 ? default : produced.MaxBy(p => Ratio(p.Headline, headline));
            var why = near.Headline is null || Ratio(near.Headline, headline) < 0.8 ? "no such headline"
                : t.Contains.Where(c => !near.Text.Contains(Norm(c), StringComparison.Ordinal)).ToList() is { Count: > 0 } lost ? "lacks " + string.Join(" | ", lost)
                : "holds another article's text";
            results.Add(new TruthResult(t, null, why));
        }

        return results;
    }

    /// <summary>Text with white space removed and compatibility forms folded, as score.py's <c>norm</c>.</summary>
    public static string Norm(string? s) => WhiteSpace().Replace((s ?? "").Normalize(NormalizationForm.FormKC), "");

    /// <summary>difflib.SequenceMatcher(None, a, b).ratio(): twice the matched characters over both lengths (no junk; headlines are short).</summary>
    public static double Ratio(string a, string b)
    {
        if (a.Length + b.Length == 0)
        {
            return 1;
        }

        return 2.0 * Matches(a, 0, a.Length, b, 0, b.Length) / (a.Length + b.Length);
    }

    private static int Matches(string a, int alo, int ahi, string b, int blo, int bhi)
    {
        // The longest common run (earliest in a, then in b), then the same on either side of it, as difflib does.
        var (bestI, bestJ, bestSize) = (alo, blo, 0);
        var lengths = new Dictionary<int, int>();
        for (var i = alo; i < ahi; i++)
        {
            var next = new Dictionary<int, int>();
            for (var j = blo; j < bhi; j++)
            {
                if (a[i] != b[j])
                {
                    continue;
                }

                var k = lengths.GetValueOrDefault(j - 1) + 1;
                next[j] = k;
                if (k > bestSize)
                {
                    (bestI, bestJ, bestSize) = (i - k + 1, j - k + 1, k);
                }
            }

            lengths = next;
        }

        if (bestSize == 0)
        {
            return 0;
        }

        return bestSize + Matches(a, alo, bestI, b, blo, bestJ) + Matches(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi);
    }

    private static string Texts(JsonElement article)
    {
        var parts = new List<string?> { Str(article, "kicker"), Str(article, "headline"), Str(article, "subheadline"), Str(article, "byline") };
        if (article.TryGetProperty("paragraphs", out var paragraphs))
        {
            parts.AddRange(paragraphs.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : Str(p, "text")));
        }

        if (article.TryGetProperty("images", out var images))
        {
            parts.AddRange(images.EnumerateArray().Select(i => Str(i, "caption")));
        }

        return Norm(string.Concat(parts.Select(p => p ?? "")));
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Optional(JsonElement element, string name) => Str(element, name);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
