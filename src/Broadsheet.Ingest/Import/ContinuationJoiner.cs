using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Import;

/// <summary>An article of the edition: its content and the part of it on each page it is printed on.</summary>
internal sealed record EditionArticle(DetectedArticle Content, IReadOnlyList<(int Page, DetectedArticle Part)> Parts);

/// <summary>
/// Joins an article that jumps pages ("转第3版") with its continuation ("上接第1版") when that is
/// unambiguous: exactly one article on the target page says it comes from the source page. Anything
/// less certain stays as two articles for an editor to join.
/// </summary>
internal static class ContinuationJoiner
{
    public static IReadOnlyList<EditionArticle> Join(IReadOnlyList<(string Label, IReadOnlyList<DetectedArticle> Articles)> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var consumed = new HashSet<DetectedArticle>(ReferenceEqualityComparer.Instance);
        var result = new List<EditionArticle>();
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var article in pages[p].Articles)
            {
                if (consumed.Contains(article))
                {
                    continue;
                }

                var parts = new List<(int Page, DetectedArticle Part)> { (p, article) };
                var paragraphs = article.Paragraphs.ToList();
                var (page, part) = (p, article);
                while (Continuation(pages, page, part, consumed) is { } next)
                {
                    consumed.Add(next.Part);
                    parts.Add(next);
                    paragraphs.AddRange(next.Part.Paragraphs);
                    (page, part) = next;
                }

                var content = parts.Count == 1 ? article : article with { Paragraphs = paragraphs, Subheads = [.. parts.SelectMany(x => x.Part.Subheads)], ContinuedTo = null };
                result.Add(new EditionArticle(content, parts));
            }
        }

        return result;
    }

    private static (int Page, DetectedArticle Part)? Continuation(
        IReadOnlyList<(string Label, IReadOnlyList<DetectedArticle> Articles)> pages, int page, DetectedArticle article, HashSet<DetectedArticle> consumed)
    {
        if (article.ContinuedTo is not { } jump)
        {
            return null;
        }

        var source = pages[page].Label;
        var targets = Enumerable.Range(0, pages.Count).Where(i => i != page && Matches(jump, pages[i].Label, source)).ToList();
        if (targets.Count != 1)
        {
            return null;
        }

        var target = targets[0];
        var candidates = pages[target].Articles
            .Where(a => !consumed.Contains(a) && a.ContinuedFrom is { } from && Matches(from, source, pages[target].Label))
            .ToList();
        return candidates.Count == 1 ? (target, candidates[0]) : null;
    }

    /// <summary>
    /// Whether a page named in a jump line ("3", "A03") is <paramref name="label"/>. A jump without a
    /// section letter means the section of the page it is printed on.
    /// </summary>
    private static bool Matches(string jump, string label, string printedOn)
    {
        var (jumpSection, jumpNumber) = PageFileName.Split(jump);
        var (section, number) = PageFileName.Split(label);
        if (jumpNumber != number)
        {
            return false;
        }

        var wanted = jumpSection.Length > 0 ? jumpSection : PageFileName.Split(printedOn).Section;
        return string.Equals(wanted, section, StringComparison.OrdinalIgnoreCase);
    }
}
