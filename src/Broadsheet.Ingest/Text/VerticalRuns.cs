using System.Globalization;
using System.Text;

namespace Broadsheet.Ingest.Text;

/// <summary>
/// Finds body text set top to bottom (竖排) among the glyphs as the PDF draws them. A vertical column is drawn one
/// character under the next, so consecutive glyphs of one size that step down by about an em at one x are one
/// vertical line; cutting the page into rows would instead join the characters beside each other across a dozen
/// columns ("第三第五四超第折る"). Horizontal text never steps so, except a column one character wide, which takes
/// <see cref="MinLength"/> characters in a row to be mistaken (and then it is read top to bottom, which is right).
/// Vertical headlines whose characters are placed one by one out of order are <see cref="VerticalLines"/>' work.
/// </summary>
internal static class VerticalRuns
{
    /// <summary>A vertical run has at least this many characters.</summary>
    private const int MinLength = 4;

    /// <summary>The step down from one character to the next, in ems: half-width punctuation takes half an em, spacing adds some.</summary>
    private const double MinStep = 0.3;

    /// <inheritdoc cref="MinStep"/>
    private const double MaxStep = 1.8;

    /// <summary>How far (ems) a character may stand off its column's centre: brackets and stops of vertical fonts stand off more.</summary>
    private const double Drift = 0.3;

    /// <inheritdoc cref="Drift"/>
    private const double PunctuationDrift = 0.75;

    /// <summary>The vertical lines, and the glyphs left for <see cref="LineBuilder"/>.</summary>
    public static (IReadOnlyList<TextLine> Lines, List<Glyph> Others) Take(IReadOnlyList<Glyph> glyphs, HanScript script)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var lines = new List<TextLine>();
        var rest = new List<Glyph>(glyphs.Count);
        var run = new List<Glyph>();
        foreach (var glyph in glyphs)
        {
            // A space inside a vertical column is spacing: it stays with the run and never ends it.
            if (!glyph.IsWhiteSpace && run.Count > 0 && !Continues(run, glyph))
            {
                End(run, lines, rest, script);
                run.Clear();
            }

            run.Add(glyph);
        }

        End(run, lines, rest, script);
        return (lines, rest);
    }

    /// <summary>
    /// Called for every glyph of the page: the size and step, which horizontal text fails at once, are checked before
    /// the run's centre is worked out, and nothing is allocated.
    /// </summary>
    private static bool Continues(List<Glyph> run, Glyph next)
    {
        var at = run.FindLastIndex(g => !g.IsWhiteSpace);
        if (at < 0)
        {
            return false;
        }

        var last = run[at];
        var size = last.Size;
        var step = next.Baseline - last.Baseline;
        if (Math.Abs(next.Size - size) > 0.06 * size || step < MinStep * size || step > MaxStep * size)
        {
            return false;
        }

        var drift = IsPunctuation(next) || IsPunctuation(last) ? PunctuationDrift : Drift;
        return Math.Abs(next.Box.CenterX - Centre(run, last)) <= drift * size;
    }

    /// <summary>The run's column centre: its letters' (not its stops' and brackets') mean, once it has three characters.</summary>
    private static double Centre(List<Glyph> run, Glyph last)
    {
        int drawn = 0, letters = 0;
        var sum = 0.0;
        foreach (var g in run)
        {
            if (g.IsWhiteSpace)
            {
                continue;
            }

            drawn++;
            if (!IsPunctuation(g))
            {
                letters++;
                sum += g.Box.CenterX;
            }
        }

        return drawn > 2 && letters > 0 ? sum / letters : last.Box.CenterX;
    }

    private static void End(List<Glyph> all, List<TextLine> lines, List<Glyph> rest, HanScript script)
    {
        if (all.Count < MinLength)
        {
            rest.AddRange(all);
            return;
        }

        var run = all.Where(g => !g.IsWhiteSpace).ToList();
        if (run.Count < MinLength || run.Count(g => Script.IsCjk(char.ConvertToUtf32(g.Value, 0)) || IsPunctuation(g)) * 4 < run.Count * 3)
        {
            rest.AddRange(all);
            return;
        }

        var text = new StringBuilder();
        foreach (var glyph in run)
        {
            text.Append(CjkFolding.Fold(glyph.Value, script));
        }

        var letters = run.Where(g => !IsPunctuation(g)).DefaultIfEmpty(run[0]).ToList();
        var centre = letters.Average(g => g.Box.CenterX);
        var size = run[0].Size;
        lines.Add(new TextLine(text.ToString(), new PageBox(centre - (size / 2), run[0].Box.Top, centre + (size / 2), run[^1].Box.Bottom), size)
        {
            FontName = run[0].FontName,
            IsBold = run.Count(g => g.IsBold) * 2 > run.Count,
            Colour = run[0].Colour,
            Baseline = run[^1].Baseline,
            IsVertical = true,
        });
    }

    private static bool IsPunctuation(Glyph glyph) =>
        glyph.Value.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(glyph.Value, 0) is
            UnicodeCategory.OtherPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.DashPunctuation;
}
