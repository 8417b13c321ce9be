using Broadsheet.Samples.Fonts;
using SkiaSharp;

namespace Broadsheet.Samples.Layout;

// A stretch of text in one font and colour.
internal sealed record TextRun(string Text, FontRole Font, SKColor Color);

// A character placed on a line, X from the line's start.
internal readonly record struct PlacedChar(char Char, int Run, double X);

// One set line: its characters, and its width without trailing spaces.
internal sealed record SetLine(IReadOnlyList<PlacedChar> Chars, double Width);

// Breaks runs of text into lines: Chinese per character, Latin per word, with the usual rules that closing
// punctuation never starts a line and opening punctuation never ends one; full lines are justified.
internal sealed class TextSetter(FontLibrary fonts)
{
    private const string NoLineStart = "，。、；：？！）》」』”’…—％·～,.;:!?)%";
    private const string NoLineEnd = "（《「『“‘(";

    public FontLibrary Fonts { get; } = fonts;

    public double Measure(string text, FontRole font, double size) => Fonts.Measure(text, font, size);

    // Sets runs into lines of width, the first indented by firstIndent.
    // latin: Justify by widening spaces only (English) rather than between every character (Chinese).
    public List<SetLine> Break(IReadOnlyList<TextRun> runs, double size, double width, double firstIndent = 0, bool justify = true, bool latin = false)
    {
        var tokens = Tokenise(runs, size);
        var lines = new List<SetLine>();
        var pos = 0;
        while (pos < tokens.Count)
        {
            while (pos < tokens.Count && tokens[pos].Space)
            {
                pos++;
            }

            if (pos >= tokens.Count)
            {
                break;
            }

            var indent = lines.Count == 0 ? firstIndent : 0;
            var available = width - indent;
            double used = 0;
            var end = pos;
            while (end < tokens.Count && used + tokens[end].Width <= available + 0.01)
            {
                used += tokens[end].Width;
                end++;
            }

            if (end == pos)
            {
                // A word wider than the column: cut it where it overflows rather than let it stick out.
                SplitToken(tokens, pos, available);
                continue;
            }

            var last = end == tokens.Count;
            if (!last)
            {
                var brk = end;
                while (brk > pos + 1 && (tokens[brk].StartsWithAny(NoLineStart) || tokens[brk - 1].EndsWithAny(NoLineEnd)))
                {
                    brk--;
                }

                end = brk;
            }

            lines.Add(Place(tokens, pos, end, indent, available, justify && !last, latin));
            pos = end;
        }

        return lines;
    }

    // Splits a display line (a headline) into at most two lines of about equal width, preferring a space.
    public List<string> Balance(string text, FontRole font, double size, double width)
    {
        if (Measure(text.Trim(), font, size) <= width)
        {
            return [text];
        }

        var best = -1;
        var bestScore = double.MaxValue;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (NoLineStart.Contains(text[i], StringComparison.Ordinal) || NoLineEnd.Contains(text[i - 1], StringComparison.Ordinal)
                || (IsWordChar(text[i]) && IsWordChar(text[i - 1])) || char.IsHighSurrogate(text[i - 1]))
            {
                continue;
            }

            var left = Measure(text[..i].TrimEnd(), font, size);
            var right = Measure(text[i..].TrimStart(), font, size);
            var score = Math.Max(left, right) - (char.IsWhiteSpace(text[i - 1]) || char.IsWhiteSpace(text[i]) ? size * 2 : 0);
            if (score < bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return best < 0 ? [text] : [text[..best].TrimEnd(), text[best..].TrimStart()];
    }

    // Turns a set line into text operations at (x, baseline).
    public static IEnumerable<TextOp> Emit(SetLine line, IReadOnlyList<TextRun> runs, double size, double x, double baseline)
    {
        var i = 0;
        while (i < line.Chars.Count)
        {
            var run = line.Chars[i].Run;
            var start = i;
            while (i < line.Chars.Count && line.Chars[i].Run == run)
            {
                i++;
            }

            var text = new string([.. line.Chars.Skip(start).Take(i - start).Select(c => c.Char)]);
            var xs = line.Chars.Skip(start).Take(i - start).Select(c => x + c.X).ToArray();
            yield return new TextOp(runs[run].Font, size, runs[run].Color, text, xs, baseline);
        }
    }

    private sealed class Token
    {
        public required List<(char Char, int Run, double Width)> Chars { get; init; }

        public bool Space { get; init; }

        public double Width => Chars.Sum(c => c.Width);

        public bool StartsWithAny(string set) => !Space && set.Contains(Chars[0].Char, StringComparison.Ordinal);

        public bool EndsWithAny(string set) => !Space && set.Contains(Chars[^1].Char, StringComparison.Ordinal);
    }

    private List<Token> Tokenise(IReadOnlyList<TextRun> runs, double size)
    {
        var chars = new List<(char Char, int Run, double Width)>();
        for (var r = 0; r < runs.Count; r++)
        {
            var face = Fonts[runs[r].Font];
            foreach (var c in runs[r].Text)
            {
                chars.Add((c, r, face.Advance(c) * size));
            }
        }

        var tokens = new List<Token>();
        var i = 0;
        while (i < chars.Count)
        {
            var c = chars[i].Char;
            var start = i;
            if (c == ' ')
            {
                i++;
            }
            else if (IsWordChar(c))
            {
                while (i < chars.Count && IsWordChar(chars[i].Char))
                {
                    i++;
                }
            }
            else
            {
                // Paired dashes and ellipses are one mark and never split across lines.
                i += (c is '—' or '…') && i + 1 < chars.Count && chars[i + 1].Char == c ? 2 : 1;
            }

            tokens.Add(new Token { Chars = chars.GetRange(start, i - start), Space = c == ' ' });
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => c is > ' ' and < (char)0x7F;

    private static void SplitToken(List<Token> tokens, int index, double available)
    {
        var chars = tokens[index].Chars;
        double used = 0;
        var take = 0;
        while (take < chars.Count - 1 && used + chars[take].Width <= available)
        {
            used += chars[take].Width;
            take++;
        }

        take = Math.Max(1, take);
        tokens[index] = new Token { Chars = chars.GetRange(0, take) };
        tokens.Insert(index + 1, new Token { Chars = chars.GetRange(take, chars.Count - take) });
    }

    private static SetLine Place(List<Token> tokens, int start, int end, double indent, double available, bool justify, bool latin)
    {
        while (end > start && tokens[end - 1].Space)
        {
            end--;
        }

        var natural = 0.0;
        var spaces = 0;
        for (var t = start; t < end; t++)
        {
            natural += tokens[t].Width;
            spaces += tokens[t].Space ? 1 : 0;
        }

        var stretchBySpace = latin && spaces > 0;
        var gaps = stretchBySpace ? spaces : end - start - 1;
        var extra = justify && gaps > 0 ? Math.Max(0, available - natural) / gaps : 0;

        var placed = new List<PlacedChar>();
        var x = indent;
        for (var t = start; t < end; t++)
        {
            foreach (var (c, run, w) in tokens[t].Chars)
            {
                placed.Add(new PlacedChar(c, run, x));
                x += w;
            }

            if (t < end - 1 && (!stretchBySpace || tokens[t].Space))
            {
                x += extra;
            }
        }

        return new SetLine(placed, x);
    }
}
