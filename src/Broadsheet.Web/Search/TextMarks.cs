using System.Text;

namespace Broadsheet.Web.Search;

/// <summary>A run of a paragraph: plain text, or a searched phrase numbered 1.. in the article's order.</summary>
internal readonly record struct TextRun(string Text, int Hit);

internal static class TextRuns
{
    /// <summary>
    /// The runs of the first <paramref name="at"/> characters (a run-in title, printed bold) and of the rest. A marked
    /// phrase that crosses the point goes whole with the first part, so each mark stays one element the hit bar counts.
    /// </summary>
    public static (IReadOnlyList<TextRun> Head, IReadOnlyList<TextRun> Tail) Split(IReadOnlyList<TextRun> runs, int at)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var head = new List<TextRun>();
        var tail = new List<TextRun>();
        var position = 0;
        foreach (var run in runs)
        {
            var end = position + run.Text.Length;
            if (end <= at || (run.Hit > 0 && position < at))
            {
                head.Add(run);
            }
            else if (position >= at)
            {
                tail.Add(run);
            }
            else
            {
                head.Add(run with { Text = run.Text[..(at - position)] });
                tail.Add(run with { Text = run.Text[(at - position)..] });
            }

            position = end;
        }

        return (head, tail);
    }
}

/// <summary>
/// Marks searched phrases in an article's text (<c>?hl=…</c>) as the page view marks them on the image: the
/// phrase as a whole, matched as search matches it (full-width and half-width forms, case). Texts are marked in
/// the order they are shown, and the marks numbered through all of them.
/// </summary>
internal sealed class TextMarker
{
    private readonly List<string> _wanted;

    public TextMarker(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _wanted = [.. phrases.Select(Fold).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length)];
    }

    /// <summary>How many marks were made so far.</summary>
    public int Count { get; private set; }

    /// <summary>The text as runs, plain and marked; null stays null.</summary>
    public IReadOnlyList<TextRun>? Mark(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var folded = Fold(text);
        var runs = new List<TextRun>();
        var start = 0;
        for (var at = 0; at < folded.Length;)
        {
            var match = _wanted.Find(p => string.CompareOrdinal(folded, at, p, 0, p.Length) == 0);
            if (match is null)
            {
                at++;
                continue;
            }

            if (at > start)
            {
                runs.Add(new TextRun(text[start..at], 0));
            }

            runs.Add(new TextRun(text.Substring(at, match.Length), ++Count));
            at += match.Length;
            start = at;
        }

        if (start < text.Length)
        {
            runs.Add(new TextRun(text[start..], 0));
        }

        return runs;
    }

    /// <summary>One character for one, so positions in the folded text are positions in the original.</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            folded.Append(ReaderFolding.Fold(c));
        }

        return folded.ToString();
    }
}

/// <summary>An article's shown texts with a search's phrases marked, in the order the article view shows them.</summary>
internal sealed record MarkedArticle(
    IReadOnlyList<TextRun>? Kicker,
    IReadOnlyList<TextRun> Headline,
    IReadOnlyList<TextRun>? Subheadline,
    IReadOnlyList<TextRun>? Byline,
    IReadOnlyList<IReadOnlyList<TextRun>?> Captions,
    IReadOnlyList<IReadOnlyList<TextRun>> Paragraphs,
    int Count)
{
    public static MarkedArticle Of(Core.Model.Article article, IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(article);
        var marker = new TextMarker(phrases);
        var kicker = marker.Mark(article.Kicker);
        var headline = marker.Mark(article.Headline)!;
        var subheadline = marker.Mark(article.Subheadline);
        var byline = marker.Mark(article.Byline);
        var captions = article.Images.Select(i => marker.Mark(i.Caption)).ToList();
        var paragraphs = article.Paragraphs.Select(p => marker.Mark(p)!).ToList();
        return new MarkedArticle(kicker, headline, subheadline, byline, captions, paragraphs, marker.Count);
    }
}

/// <summary>How the reader compares a searched phrase with printed text: as the search index does, character for character.</summary>
internal static class ReaderFolding
{
    /// <summary>Full-width forms to their plain ones, lower case, traditional Chinese to simplified: "ＡＢＣ" finds "abc", 報紙 finds 报纸.</summary>
    public static char Fold(char c) => char.ToLowerInvariant(Broadsheet.Search.TextFolding.Fold(c));
}
