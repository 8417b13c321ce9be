namespace Broadsheet.Ingest.Text;

/// <summary>
/// Finds text set top to bottom (竖排): a vertical headline or subheadline comes out of the text layer as a stack of
/// one-character lines, one under the other at the same x and size. Each stack becomes one vertical line reading top
/// to bottom. Whatever the PDF's writing mode (Identity-V fonts, or each character placed by hand), the stack is what
/// shows it.
/// </summary>
internal static class VerticalLines
{
    /// <summary>Characters of a stack are at most this many ems apart (their boxes' gap).</summary>
    private const double MaxGap = 0.6;

    public static IReadOnlyList<TextLine> Join(IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var singles = lines.Where(IsSingle).OrderBy(l => l.Box.Top).ToList();
        if (singles.Count < 2)
        {
            return lines;
        }

        var used = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        var stacks = new List<List<TextLine>>();
        foreach (var start in singles)
        {
            if (used.Contains(start))
            {
                continue;
            }

            var stack = new List<TextLine> { start };
            var last = start;
            foreach (var next in singles.Where(s => s.Box.Top > last.Box.Top && !used.Contains(s)))
            {
                var size = last.FontSize;
                if (next.Box.Top - last.Box.Bottom > MaxGap * size)
                {
                    if (next.Box.Top - last.Box.Bottom > 3 * size)
                    {
                        break;
                    }

                    continue;
                }

                if (Math.Abs(next.FontSize - size) <= 0.06 * size && Math.Abs(next.Box.CenterX - last.Box.CenterX) <= 0.2 * size)
                {
                    stack.Add(next);
                    last = next;
                }
            }

            if (stack.Count >= 2)
            {
                used.UnionWith(stack);
                stacks.Add(stack);
            }
        }

        if (stacks.Count == 0)
        {
            return lines;
        }

        var result = lines.Where(l => !used.Contains(l)).ToList();
        result.AddRange(stacks.Select(s => new TextLine(string.Concat(s.Select(l => l.Text.Trim())), PageBox.Bounding(s.Select(l => l.Box)), s[0].FontSize)
        {
            FontName = s[0].FontName,
            IsBold = s.Count(l => l.IsBold) * 2 > s.Count,
            Colour = s[0].Colour,
            Baseline = s[^1].Baseline,
            IsVertical = true,
        }));
        return [.. result.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left)];
    }

    /// <summary>A line of one CJK character (or one punctuation mark, as a vertical line's brackets are).</summary>
    private static bool IsSingle(TextLine line)
    {
        var text = line.Text.Trim();
        return text.EnumerateRunes().Count() == 1 && text.EnumerateRunes().All(r => Script.IsCjk(r.Value));
    }
}
