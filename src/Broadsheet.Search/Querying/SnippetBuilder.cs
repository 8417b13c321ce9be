using System.Text;

namespace Broadsheet.Search.Querying;

/// <summary>
/// Cuts the passage of a text that shows most of the query's terms and renders it as HTML with the terms in
/// <c>&lt;mark&gt;</c>. Everything else is escaped, so stored text (which may contain markup) cannot inject.
/// </summary>
internal static class SnippetBuilder
{
    /// <summary>Characters of a snippet: about two lines of a result list on a desktop, four on a phone.</summary>
    public const int Length = 120;

    // How much text to show before the first mark, so it does not start the snippet cold.
    private const int Lead = 24;

    private const string SentenceEnds = "。！？；!?;\n";
    private const string Ellipsis = "…";
    private const string CloseMark = "</mark>";

    public static string Build(string text, IReadOnlyList<MarkSpan> spans)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var (start, end) = spans.Count == 0 ? (0, CutEnd(text, 0, Math.Min(text.Length, Length), [])) : Window(text, spans);
        var html = new StringBuilder(Length * 2);
        if (start > 0)
        {
            html.Append(Ellipsis);
        }

        var at = start;
        var lastMarkEnd = -1;
        foreach (var span in spans)
        {
            if (span.End <= start || span.Start >= end)
            {
                continue;
            }

            var from = Math.Max(span.Start, start);
            var to = Math.Min(span.End, end);
            if (from == lastMarkEnd)
            {
                // Touching marks (暴雨 right after 防汛) read as one.
                html.Length -= CloseMark.Length;
            }
            else
            {
                HtmlText.AppendEscaped(html, text.AsSpan(at, from - at));
                html.Append("<mark>");
            }

            HtmlText.AppendEscaped(html, text.AsSpan(from, to - from));
            html.Append(CloseMark);
            at = lastMarkEnd = to;
        }

        HtmlText.AppendEscaped(html, text.AsSpan(at, end - at));
        if (end < text.Length)
        {
            html.Append(Ellipsis);
        }

        return html.ToString();
    }

    /// <summary>Picks the window with the most distinct phrases (then most marks), earliest first.</summary>
    private static (int Start, int End) Window(string text, IReadOnlyList<MarkSpan> spans)
    {
        var bestStart = 0;
        var bestScore = (-1, -1);
        foreach (var anchor in spans)
        {
            var start = Math.Max(0, anchor.Start - Lead);
            var end = Math.Min(text.Length, start + Length);
            var inside = spans.Where(s => s.Start >= start && s.End <= end).ToList();
            var score = (inside.Select(s => s.Phrase).Distinct(StringComparer.Ordinal).Count(), inside.Count);
            if (score.CompareTo(bestScore) > 0)
            {
                bestScore = score;
                bestStart = start;
            }
        }

        // A long mark may straddle the window's start; show it whole.
        var first = spans.First(s => s.End > bestStart);
        bestStart = Math.Min(bestStart, first.Start);
        var snapped = SnapStart(text, bestStart, first.Start);
        return (snapped, CutEnd(text, snapped, Math.Min(text.Length, snapped + Length), spans));
    }

    /// <summary>Starts after a sentence end shortly before the first mark, or at least not inside a word.</summary>
    private static int SnapStart(string text, int start, int firstMark)
    {
        if (start == 0)
        {
            return 0;
        }

        var sentence = text.AsSpan(start, firstMark - start).LastIndexOfAny(SentenceEnds);
        if (sentence >= 0)
        {
            start += sentence + 1;
        }
        else
        {
            while (start < firstMark && char.IsAsciiLetterOrDigit(text[start]) && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                start++;
            }
        }

        while (start < firstMark && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    /// <summary>Ends outside any mark and not in the middle of a Latin word.</summary>
    private static int CutEnd(string text, int start, int end, IReadOnlyList<MarkSpan> spans)
    {
        foreach (var span in spans)
        {
            if (span.Start < end && span.End > end)
            {
                end = span.End;
            }
        }

        var floor = spans.Where(s => s.End <= end).Select(s => s.End).DefaultIfEmpty(start).Max();
        var cut = end;
        while (cut < text.Length && cut > floor && char.IsAsciiLetterOrDigit(text[cut]) && char.IsAsciiLetterOrDigit(text[cut - 1]))
        {
            cut--;
        }

        return cut > floor || cut == end ? cut : end;
    }
}
