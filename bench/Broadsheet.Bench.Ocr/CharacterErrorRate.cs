using System.Text;
using Broadsheet.Core.Ports;

namespace Broadsheet.Bench.Ocr;

/// <summary>
/// Character error rate of OCR against a page's text layer, line by line: each OCR word goes to the text-layer line
/// whose box holds the word's centre (the smallest such line), its words in reading order make that line's OCR text,
/// and the edit distance over all lines is divided by the text layer's characters. Both sides are NFKC-folded with
/// white space removed. Words outside every line (text in pictures, which the layer lacks) are left out; a layer line
/// that is junk (private-use or replacement characters) is left out too, and so is a character printed again on
/// itself (faked bold, <see cref="TextLayer"/>).
/// </summary>
internal static class CharacterErrorRate
{
    public static (double Cer, int Characters) Measure(IReadOnlyList<LayerLine> layer, OcrPage page, TextWriter? differences = null)
    {
        var lines = layer.Where(l => Fold(l.Text).Length > 0 && !IsJunk(l.Text)).ToList();
        var assigned = lines.Select(_ => new List<(OcrWord Word, int Order)>()).ToList();
        var order = 0;
        foreach (var word in page.Lines.SelectMany(l => l.Words))
        {
            var (x, y) = (word.Box.Left + (word.Box.Width / 2.0), word.Box.Top + (word.Box.Height / 2.0));
            var best = -1;
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Contains(x, y) && (best < 0 || lines[i].Area < lines[best].Area))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                assigned[best].Add((word, order));
            }

            order++;
        }

        long errors = 0, characters = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var truth = Fold(lines[i].Text);
            var read = Fold(string.Concat(assigned[i].OrderBy(w => w.Order).Select(w => w.Word.Text)));
            var distance = Levenshtein(truth, read);
            if (distance > 0)
            {
                differences?.WriteLine($"  layer: {truth}\n  ocr:   {read}");
            }

            errors += distance;
            characters += truth.Length;
        }

        return (characters == 0 ? double.NaN : (double)errors / characters, (int)characters);
    }

    /// <summary>
    /// The median over OCR lines of their type size over the PDF font size (in pixels) of the layer line holding the
    /// OCR line's centre: how far the engine's estimate is from the size the page was set in.
    /// </summary>
    public static double TypeSizeRatio(IReadOnlyList<LayerLine> layer, OcrPage page)
    {
        var ratios = new List<double>();
        foreach (var line in page.Lines.Where(l => !l.Vertical))
        {
            var (x, y) = (line.Box.Left + (line.Box.Width / 2.0), line.Box.Top + (line.Box.Height / 2.0));
            var match = layer.Where(l => l.FontSize > 0 && l.Contains(x, y)).MinBy(l => l.Area);
            if (match is not null)
            {
                ratios.Add(line.TypeSize / match.FontSize);
            }
        }

        ratios.Sort();
        return ratios.Count == 0 ? double.NaN : ratios[ratios.Count / 2];
    }

    public static string Fold(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsJunk(string text)
    {
        var bad = text.Count(c => c == '\uFFFD' || (c >= '\uE000' && c <= '\uF8FF'));
        return bad * 10 > text.Length;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
