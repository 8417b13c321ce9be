namespace Broadsheet.Ingest.Text;

/// <summary>
/// Puts drop caps back into their words. A drop cap is the first letter of a story set several lines high, its
/// baseline on the baseline of the last line it stands beside; the text layer has it as a line of one large letter
/// ("T") next to a column whose first lines start after it ("he nation has entered …"). Left alone it reads as a
/// one-letter headline and the story loses its first letter. The letter joins the first line beside it, and the
/// lines beside it are widened to the column's edge, so the column reads as one block of text.
/// </summary>
internal static class DropCaps
{
    /// <summary>A drop cap is at least this many times the size of the text beside it.</summary>
    private const double MinRatio = 1.8;

    public static IReadOnlyList<TextLine> Merge(IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = lines.ToList();
        foreach (var cap in lines.Where(IsCandidate).ToList())
        {
            var beside = Beside(cap, result);
            if (beside.Count < 2)
            {
                continue;
            }

            var first = beside[0];
            var text = cap.Text.Trim();
            var rest = first.Text.TrimStart();
            var joined = rest.Length > 0 && char.IsUpper(rest[0]) && text.Length == 1 && char.IsLetter(text[0]) && !IsCjk(text)
                ? text + " " + rest
                : text + rest;
            result.Remove(cap);
            foreach (var line in beside)
            {
                var index = result.IndexOf(line);
                var widened = line.Box with { Left = Math.Min(line.Box.Left, cap.Box.Left) };
                result[index] = ReferenceEquals(line, first)
                    ? line with { Text = joined, Box = widened }
                    : line with { Box = widened };
            }
        }

        return result;
    }

    private static bool IsCandidate(TextLine line)
    {
        // A Latin letter, perhaps after an opening quote; a CJK character alone is more often a vertical title's.
        var text = line.Text.Trim();
        return !line.IsVertical && text.Length is >= 1 and <= 2 && char.IsLetter(text[^1]) && !IsCjk(text);
    }

    /// <summary>The lines of smaller type that start just right of the cap, from its ink top down to its baseline, top to bottom.</summary>
    private static List<TextLine> Beside(TextLine cap, List<TextLine> lines)
    {
        var inkTop = cap.Baseline - (0.75 * cap.FontSize);
        var near = lines.Where(l => !ReferenceEquals(l, cap)
                && l.FontSize * MinRatio <= cap.FontSize
                && l.Box.Left >= cap.Box.Right - (0.2 * l.FontSize)
                && l.Box.Left - cap.Box.Right <= 1.5 * l.FontSize
                && l.Baseline >= inkTop - (0.3 * l.FontSize)
                && l.Baseline <= cap.Baseline + (0.35 * l.FontSize))
            .OrderBy(l => l.Baseline)
            .ToList();
        if (near.Count == 0)
        {
            return [];
        }

        // The cap's baseline sits on the last line beside it, and the first line starts level with its top.
        var last = near[^1];
        var first = near[0];
        var size = last.FontSize;
        return Math.Abs(last.Baseline - cap.Baseline) <= 0.35 * size && first.Box.Top <= inkTop + (1.2 * size)
            ? near
            : [];
    }

    private static bool IsCjk(string text) => text.EnumerateRunes().Any(r => Script.IsCjk(r.Value));
}
