using System.Text;

namespace Broadsheet.Ingest.Text;

/// <summary>
/// Groups glyphs into lines: glyphs on one baseline, in reading order, split where a column gutter,
/// a vertical rule or a change of type size separates them. Works on glyphs rather than on a PDF
/// library's words because CJK text has no spaces to find words by.
/// </summary>
internal static class LineBuilder
{
    /// <summary>Baselines closer than this (in ems) are one row.</summary>
    private const double BaselineTolerance = 0.25;

    /// <summary>Where the rows around tell nothing, a gap wider than this (in ems) is a gutter, not letter or word spacing.</summary>
    private const double GutterGap = 1.0;

    /// <summary>In a short run, a gap wider than this (in ems) between Latin characters is a word space the PDF did not draw.</summary>
    private const double WordGap = 0.22;

    /// <summary>A run this close (ems) to another's baseline, and no further than <see cref="OffBaselineGap"/> from it, is part of its line.</summary>
    private const double OffBaseline = 0.12;

    /// <summary>See <see cref="OffBaseline"/>: letter spacing, not a gap between a headline and its neighbour.</summary>
    private const double OffBaselineGap = 0.3;

    /// <summary>Adjacent glyphs whose sizes differ by more than this ratio belong to different lines.</summary>
    private const double SizeRatio = 1.3;

    public static IReadOnlyList<TextLine> Build(IEnumerable<Glyph> glyphs, IReadOnlyList<PageRule> rules, HanScript script = HanScript.Simplified)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        ArgumentNullException.ThrowIfNull(rules);
        var vertical = rules.Where(r => !r.IsHorizontal).Select(r => r.Box).ToArray();
        var rows = Rows(glyphs.Where(g => g.Size > 0 && g.Value.Length > 0)).ToList();
        var gutters = new Gutters(rows);
        var runs = new List<(int Row, List<Glyph> Glyphs)>();
        for (var rowIndex = 0; rowIndex < rows.Count; rowIndex++)
        {
            runs.AddRange(Runs(rows[rowIndex], vertical, gutters).Select(run => (rowIndex, run)));
        }

        var lines = new List<TextLine>();
        foreach (var run in JoinOffBaseline(runs, vertical))
        {
            if (ToLine(run, script) is { } line)
            {
                lines.Add(line);
            }
        }

        return [.. lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left)];
    }

    /// <summary>
    /// Joins runs that rows kept apart although they are one line: a run drawn a hair off the baseline (Founder
    /// PDFGenerator draws the second half of a number so) falls into the next row when the row began at a
    /// neighbouring column's slightly higher baseline. Runs of different rows join when their baselines are within
    /// the row tolerance of each other, their sizes match and nothing but letter spacing lies between them.
    /// </summary>
    private static IEnumerable<List<Glyph>> JoinOffBaseline(List<(int Row, List<Glyph> Glyphs)> runs, PageBox[] verticalRules)
    {
        var info = runs.Select(r => (r.Row, r.Glyphs, Baseline: Median(r.Glyphs.Where(g => !g.IsWhiteSpace).DefaultIfEmpty(r.Glyphs[0]).Select(g => g.Baseline)),
            Size: r.Glyphs.Max(g => g.Size), Left: r.Glyphs.Min(g => g.Box.Left), Right: r.Glyphs.Max(g => g.Box.Right))).ToList();
        var order = Enumerable.Range(0, info.Count).OrderBy(i => info[i].Baseline).ToArray();
        var parent = Enumerable.Range(0, info.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var x = 0; x < order.Length; x++)
        {
            var a = info[order[x]];
            for (var y = x + 1; y < order.Length; y++)
            {
                var b = info[order[y]];
                var size = Math.Min(a.Size, b.Size);
                if (b.Baseline - a.Baseline > BaselineTolerance * Math.Max(a.Size, b.Size))
                {
                    break;
                }

                var gap = Math.Max(a.Left, b.Left) - Math.Min(a.Right, b.Right);
                if (a.Row != b.Row && b.Baseline - a.Baseline <= OffBaseline * size
                    && Math.Max(a.Size, b.Size) / size <= SizeRatio && gap <= OffBaselineGap * size
                    && !verticalRules.Any(r => r.CenterX > Math.Min(a.Right, b.Right) - 0.1 && r.CenterX < Math.Max(a.Left, b.Left) + 0.1
                        && r.Top <= a.Baseline && r.Bottom >= a.Baseline - (0.5 * size)))
                {
                    parent[Root(order[y])] = Root(order[x]);
                }
            }
        }

        return Enumerable.Range(0, info.Count)
            .GroupBy(Root)
            .Select(g => g.Count() == 1 ? info[g.Key].Glyphs : [.. g.SelectMany(i => info[i].Glyphs).OrderBy(gl => gl.Box.Left)]);
    }

    private static IEnumerable<List<Glyph>> Rows(IEnumerable<Glyph> glyphs)
    {
        List<Glyph>? row = null;
        double rowBaseline = 0, rowSize = 0;
        foreach (var g in glyphs.OrderBy(g => g.Baseline).ThenBy(g => g.Box.Left))
        {
            if (row is not null && Math.Abs(g.Baseline - rowBaseline) <= BaselineTolerance * Math.Min(g.Size, rowSize))
            {
                row.Add(g);
                continue;
            }

            if (row is not null)
            {
                yield return row;
            }

            row = [g];
            rowBaseline = g.Baseline;
            rowSize = g.Size;
        }

        if (row is not null)
        {
            yield return row;
        }
    }

    /// <summary>
    /// Splits a row into the runs of its columns: at a vertical rule, at a change of type size, at a gap wider than
    /// <see cref="Gutters.Widest"/> ems, and at a narrower gap that <see cref="Gutters"/> finds lined up with a
    /// channel in the rows around it. Where the rows around say nothing, a gap of more than <see cref="GutterGap"/>
    /// ems that no drawn space bridges parts the row.
    /// </summary>
    private static IEnumerable<List<Glyph>> Runs(List<Glyph> row, PageBox[] verticalRules, Gutters gutters)
    {
        row.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        var run = new List<Glyph>();
        Glyph? previous = null;
        var reach = double.MinValue;
        var inkReach = double.MinValue;
        foreach (var g in row)
        {
            if (g.IsWhiteSpace)
            {
                // A drawn space belongs to the line it sits in (an ideographic space inside a headline is
                // an em wide and must not read as a gutter), but does not start one.
                if (run.Count > 0 && g.Box.Left - reach <= GutterGap * g.Size)
                {
                    run.Add(g);
                    reach = Math.Max(reach, g.Box.Right);
                }
                else if (IsIdeographicSpace(g))
                {
                    // An ideographic space across a gutter starts the next column's line.
                    if (run.Count > 0)
                    {
                        yield return run;
                    }

                    run = [g];
                    previous = null;
                    reach = g.Box.Right;
                }

                continue;
            }

            if (previous is { } p)
            {
                var size = Math.Max(p.Size, g.Size);
                var ratio = Math.Max(p.Size, g.Size) / Math.Min(p.Size, g.Size);
                if (IsOverprint(p, g))
                {
                    // Fake bold: the same character printed twice a hair apart.
                    run[^1] = p with { IsBold = true };
                    previous = run[^1];
                    continue;
                }

                // Type of another size on the baseline is another line, unless it follows on at a word space ("di" in
                // italic before a name in bold, a larger initial): a drop cap is far larger than what it stands by.
                var differentType = ratio > 2 * SizeRatio
                    || (ratio > SizeRatio && g.Box.Left - Math.Max(p.Box.Right, reach) > 0.4 * Math.Min(p.Size, g.Size));
                if (differentType || CrossesRule(p, g, verticalRules) || IsGutter(p, g, reach, inkReach, gutters))
                {
                    // Spaces drawn at the end of the left column's line stay with it.
                    yield return run;
                    run = [];
                    inkReach = double.MinValue;
                }
            }

            run.Add(g);
            previous = g;
            reach = g.Box.Right;
            inkReach = Math.Max(inkReach, g.Box.Right);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static bool IsGutter(Glyph previous, Glyph next, double reach, double inkReach, Gutters gutters)
    {
        var size = Math.Max(previous.Size, next.Size);
        var inkGap = next.Box.Left - Math.Max(previous.Box.Right, inkReach);
        if (inkGap < Gutters.Narrowest * size)
        {
            return false;
        }

        if (inkGap > Gutters.Widest * size)
        {
            return true;
        }

        return gutters.Judge(previous.Baseline, Math.Max(previous.Box.Right, inkReach), next.Box.Left, size) switch
        {
            Gutters.Verdict.Gutter => true,
            Gutters.Verdict.Space => false,
            _ => next.Box.Left - Math.Max(previous.Box.Right, reach) > GutterGap * size,
        };
    }

    private static bool IsOverprint(Glyph a, Glyph b) =>
        string.Equals(a.Value, b.Value, StringComparison.Ordinal)
        && Math.Abs(a.Box.Left - b.Box.Left) < Math.Min(0.1 * a.Size, 0.25 * a.Box.Width)
        && Math.Abs(a.Baseline - b.Baseline) < 0.1 * a.Size;

    private static bool CrossesRule(Glyph a, Glyph b, PageBox[] verticalRules)
    {
        foreach (var rule in verticalRules)
        {
            var x = rule.CenterX;
            if (x > a.Box.Right - 0.1 && x < b.Box.Left + 0.1 && rule.Top <= a.Baseline && rule.Bottom >= a.Baseline - (0.5 * a.Size))
            {
                return true;
            }
        }

        return false;
    }

    private static TextLine? ToLine(List<Glyph> run, HanScript script)
    {
        // Trailing spaces go, but not an ideographic space: it is printed text (a brief's lead, then U+3000,
        // then its text) and often the last thing on a line.
        while (run.Count > 0 && run[^1].IsWhiteSpace && !IsIdeographicSpace(run[^1]))
        {
            run.RemoveAt(run.Count - 1);
        }

        if (run.All(g => g.IsWhiteSpace))
        {
            return null;
        }

        var text = new StringBuilder();
        Glyph? previous = null;
        Glyph? pendingSpace = null;
        var wordGap = WordGapOf(run);
        foreach (var g in run)
        {
            if (g.IsWhiteSpace)
            {
                // An ideographic space is part of the text as printed (between a brief's lead and its text);
                // any other drawn space is a word break.
                if (IsIdeographicSpace(g))
                {
                    text.Append('\u3000');
                    pendingSpace = null;
                }
                else if (text.Length > 0 && text[^1] != '\u3000')
                {
                    pendingSpace = g;
                }

                continue;
            }

            var value = CjkFolding.Fold(g.Value, script);
            if (previous is { } p && ((pendingSpace is { } space && SeparatesWords(space, p, g)) || IsUndrawnWordSpace(p, g, value, wordGap)))
            {
                text.Append(' ');
            }

            text.Append(value);
            previous = g with { Value = value };
            pendingSpace = null;
        }

        var ink = run.Where(g => !g.IsWhiteSpace).ToList();
        var box = PageBox.Bounding(run.Where(g => !g.IsWhiteSpace || IsIdeographicSpace(g)).Select(g => g.Box));
        var size = Mode(ink, g => Math.Round(g.Size, 1));
        var main = ink.Where(g => Math.Abs(g.Size - size) < 0.05).DefaultIfEmpty(ink[0]);
        var colour = Mode(ink, g => g.Colour ?? "");
        return new TextLine(text.ToString(), box, size)
        {
            FontName = Mode(ink, g => g.FontName),
            IsBold = ink.Count(g => g.IsBold) * 2 > ink.Count,
            Colour = colour.Length == 0 ? null : colour,
            Baseline = Median(main.Select(g => g.Baseline)),
        };
    }

    /// <summary>
    /// Whether a drawn space between two characters is a word break: it sits in the gap between them. Founder
    /// PDFGenerator splits numbers into runs and ends the first run with a space glyph drawn under the next
    /// digit ("5月 1" + "9日"); that space overlaps a character and separates nothing.
    /// </summary>
    private static bool SeparatesWords(Glyph space, Glyph previous, Glyph next)
    {
        var slack = 0.1 * Math.Max(previous.Size, next.Size);
        return space.Box.Left >= previous.Box.Right - slack && space.Box.Left < next.Box.Left - (0.5 * slack);
    }

    /// <summary>
    /// A gap between two Latin characters wide enough to be a word space the PDF positioned rather than drew.
    /// Never between CJK characters or punctuation: justified CJK lines spread every character apart.
    /// </summary>
    private static bool IsUndrawnWordSpace(Glyph previous, Glyph current, string value, double wordGap) =>
        IsLatin(previous.Value) && IsLatin(value)
        && current.Box.Left - previous.Box.Right > wordGap * Math.Max(previous.Size, current.Size);

    /// <summary>
    /// How wide (in ems) a gap between Latin letters of this run must be to be a word space: most gaps in a run are
    /// between letters of a word, so a gap well above the run's usual one is a word space; letter-spaced capitals
    /// ("G I U S T I Z I A" set wide) have wide gaps between every letter and no word space among them.
    /// </summary>
    private static double WordGapOf(List<Glyph> run)
    {
        var gaps = new List<double>();
        for (var i = 1; i < run.Count; i++)
        {
            if (!run[i].IsWhiteSpace && !run[i - 1].IsWhiteSpace && IsLatin(run[i].Value) && IsLatin(run[i - 1].Value))
            {
                gaps.Add((run[i].Box.Left - run[i - 1].Box.Right) / Math.Max(run[i].Size, run[i - 1].Size));
            }
        }

        if (gaps.Count < 4)
        {
            return WordGap;
        }

        gaps.Sort();
        var usual = gaps[gaps.Count / 2];
        return Math.Clamp(usual + 0.1, 0.1, 0.6);
    }

    /// <summary>
    /// An ideographic space, or another blank a full em wide, which is one whatever the PDF calls it (fonts that
    /// share the glyph map U+3000 to U+2003 EM SPACE). Not U+0020: justified English stretches its spaces.
    /// </summary>
    private static bool IsIdeographicSpace(Glyph g) =>
        g.Value.Contains('\u3000', StringComparison.Ordinal)
        || (g.IsWhiteSpace && !g.Value.Contains(' ', StringComparison.Ordinal) && g.Box.Width >= 0.8 * g.Size);

    private static bool IsLatin(string value) =>
        System.Text.Rune.DecodeFromUtf16(value, out var rune, out _) == System.Buffers.OperationStatus.Done
        && rune.Value < 0x2000 && !Script.IsCjk(rune.Value);

    private static T Mode<T>(List<Glyph> glyphs, Func<Glyph, T> key)
        where T : notnull =>
        glyphs.GroupBy(key).OrderByDescending(g => g.Count()).First().Key;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
