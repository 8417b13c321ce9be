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
        var tokenised = texts.Select(t => string.IsNullOrEmpty(t) ? [] : AnalyzedToken.Analyze(_analyzer, "mark", t)).ToList();
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

    private static bool FindAll(IReadOnlyList<string> texts, List<List<AnalyzedToken>> tokenised, string[] pattern, string phrase, List<List<MarkSpan>> spans)
    {
        if (pattern.Length == 0)
        {
            return false;
        }

        var found = false;
        for (var t = 0; t < texts.Count; t++)
        {
            var tokens = tokenised[t];
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
