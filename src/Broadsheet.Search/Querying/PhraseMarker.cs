using Broadsheet.Search.Analysis;
using Lucene.Net.Analysis;

namespace Broadsheet.Search.Querying;

/// <summary>Where a query phrase was found in a text, by character offsets.</summary>
internal readonly record struct MarkSpan(int Start, int End, string Phrase);

/// <summary>The marks found in one article: spans for each of its texts, and which typed phrases they are.</summary>
internal sealed record ArticleMarks(IReadOnlyList<IReadOnlyList<MarkSpan>> Spans, IReadOnlyList<string> Phrases);

/// <summary>
/// Finds the query's terms in an article's texts with <see cref="MarkAnalyzer"/>: a term marks text where its
/// tokens occur one after the other, so "running" marks "runs", 民警 marks 民警 and nothing around it.
/// A term typed as one unspaced run is marked whole where the article has it whole, otherwise piece by piece.
/// Terms made only of Han characters (one token each) are found by scanning the text for them, which gives the
/// same marks without analysing every text of every hit.
/// </summary>
internal sealed class PhraseMarker
{
    private const string Joiners = "-'’·./_";

    private readonly Analyzer _analyzer;
    private readonly List<Pattern> _patterns;

    public PhraseMarker(Analyzer markAnalyzer, IReadOnlyList<MarkTerm> terms)
    {
        _analyzer = markAnalyzer;
        _patterns = [.. terms.Select(t => new Pattern(t.Phrase, Tokens(t.Phrase), [.. t.Parts.Select(p => (p, Tokens(p)))]))];
    }

    public ArticleMarks Mark(IReadOnlyList<string> texts)
    {
        var tokenised = new Lazy<List<List<AnalyzedToken>>>(
            () => [.. texts.Select(t => string.IsNullOrEmpty(t) ? [] : AnalyzedToken.Analyze(_analyzer, "mark", t))],
            LazyThreadSafetyMode.None);
        var spans = texts.Select(_ => new List<MarkSpan>()).ToList();
        var phrases = new List<string>();
        foreach (var pattern in _patterns)
        {
            if (FindAll(texts, tokenised, pattern.Whole, pattern.Phrase, spans))
            {
                phrases.Add(pattern.Phrase);
                continue;
            }

            foreach (var (part, tokens) in pattern.Parts)
            {
                if (FindAll(texts, tokenised, tokens, part, spans))
                {
                    phrases.Add(part);
                }
            }
        }

        return new ArticleMarks([.. spans.Select(Merge)], [.. phrases.Distinct(StringComparer.Ordinal)]);
    }

    private string[] Tokens(string text) => [.. AnalyzedToken.Analyze(_analyzer, "mark", text).Select(t => t.Term)];

    private static bool FindAll(
        IReadOnlyList<string> texts, Lazy<List<List<AnalyzedToken>>> tokenised, string[] pattern, string phrase, List<List<MarkSpan>> spans)
    {
        if (pattern.Length == 0)
        {
            return false;
        }

        if (pattern.All(IsHan))
        {
            return ScanAll(texts, pattern, phrase, spans);
        }

        var found = false;
        for (var t = 0; t < texts.Count; t++)
        {
            var tokens = tokenised.Value[t];
            for (var i = 0; i + pattern.Length <= tokens.Count; i++)
            {
                if (MatchesAt(texts[t], tokens, i, pattern))
                {
                    spans[t].Add(new MarkSpan(tokens[i].Start, tokens[i + pattern.Length - 1].End, phrase));
                    found = true;
                }
            }
        }

        return found;
    }

    // The mark analyser makes every Han character a token of its own and changes none of them but for the
    // script (traditional to simplified, WidthFolding), so a run of them matches where the characters, folded,
    // follow one another with nothing but spaces or joiners between, exactly as MatchesAt decides for tokens.
    private static bool IsHan(string token) =>
        token.Length == 1 && token[0] is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool ScanAll(IReadOnlyList<string> texts, string[] pattern, string phrase, List<List<MarkSpan>> spans)
    {
        var found = false;
        var first = pattern[0][0];
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            for (var at = 0; at < text.Length; at++)
            {
                if (WidthFolding.Fold(text[at]) == first && ScanAt(text, at, pattern) is var end and > 0)
                {
                    spans[t].Add(new MarkSpan(at, end, phrase));
                    found = true;
                }
            }
        }

        return found;
    }

    /// <returns>The end of the match that starts at <paramref name="at"/>, or -1.</returns>
    private static int ScanAt(string text, int at, string[] pattern)
    {
        var c = at + 1;
        for (var j = 1; j < pattern.Length; j++)
        {
            while (c < text.Length && (char.IsWhiteSpace(text[c]) || Joiners.Contains(text[c], StringComparison.Ordinal)))
            {
                c++;
            }

            if (c >= text.Length || WidthFolding.Fold(text[c]) != pattern[j][0])
            {
                return -1;
            }

            c++;
        }

        return c;
    }

    private static bool MatchesAt(string text, List<AnalyzedToken> tokens, int at, string[] pattern)
    {
        for (var j = 0; j < pattern.Length; j++)
        {
            if (!string.Equals(tokens[at + j].Term, pattern[j], StringComparison.Ordinal))
            {
                return false;
            }

            // Consecutive tokens only count as a phrase when nothing but spaces or joiners separates them,
            // so 民警 does not match 民。警 across a sentence end.
            if (j > 0)
            {
                for (var c = tokens[at + j - 1].End; c < tokens[at + j].Start; c++)
                {
                    if (!char.IsWhiteSpace(text[c]) && !Joiners.Contains(text[c], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Sorts spans and merges overlapping ones, so marks never nest.</summary>
    private static List<MarkSpan> Merge(List<MarkSpan> spans)
    {
        var merged = new List<MarkSpan>();
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private sealed record Pattern(string Phrase, string[] Whole, IReadOnlyList<(string Part, string[] Tokens)> Parts);
}
