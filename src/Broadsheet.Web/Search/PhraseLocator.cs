using System.Globalization;
using System.Text;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Search;

/// <summary>A box to mark on the page image, normalised to 0..1 of the page.</summary>
internal sealed record HitBox(double Left, double Top, double Width, double Height);

/// <summary>
/// Finds where searched phrases are printed on a page, from the page's article lines (<see cref="PageTextLayer"/>):
/// the phrase as a whole, also across a line break, never its characters one by one. Within a line, a character's
/// place is found by its width in ems: a Chinese character is one em, Latin letters and digits about half.
/// </summary>
internal static class PhraseLocator
{
    private const double NarrowEm = 0.55;

    /// <param name="lines">The page's article lines in reading order.</param>
    /// <param name="phrases">What to mark, as printed (search's matched forms).</param>
    /// <param name="within">Only lines whose centre lies in one of these regions (one article's); null for the whole page.</param>
    public static IReadOnlyList<HitBox> Locate(IReadOnlyList<PageTextLine> lines, IReadOnlyList<string> phrases, IReadOnlyList<Polygon>? within = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(phrases);
        var kept = within is null
            ? lines
            : [.. lines.Where(l => within.Any(p => p.Contains((l.Left + l.Right) / 2, (l.Top + l.Bottom) / 2)))];

        // The lines as one run of folded characters without spaces, remembering where each came from.
        var text = new StringBuilder();
        var origin = new List<(int Line, int Index)>();
        for (var l = 0; l < kept.Count; l++)
        {
            var line = kept[l].Text;
            for (var i = 0; i < line.Length; i++)
            {
                if (!char.IsWhiteSpace(line[i]))
                {
                    text.Append(Fold(line[i]));
                    origin.Add((l, i));
                }
            }
        }

        var haystack = text.ToString();
        var boxes = new List<HitBox>();
        foreach (var phrase in phrases.Select(p => string.Concat(p.Where(c => !char.IsWhiteSpace(c)).Select(Fold))).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            for (var at = haystack.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
            {
                // One box per line the occurrence runs over.
                foreach (var piece in origin.GetRange(at, phrase.Length).GroupBy(o => o.Line))
                {
                    boxes.Add(Box(kept[piece.Key], piece.Min(o => o.Index), piece.Max(o => o.Index) + 1));
                }
            }
        }

        return boxes;
    }

    private static HitBox Box(PageTextLine line, int start, int end)
    {
        var total = Math.Max(Ems(line.Text, 0, line.Text.Length), 0.001);
        var width = line.Right - line.Left;
        var left = line.Left + (width * Ems(line.Text, 0, start) / total);
        var right = line.Left + (width * Ems(line.Text, 0, end) / total);
        return new HitBox(left, line.Top, right - left, line.Bottom - line.Top);
    }

    private static double Ems(string text, int start, int end)
    {
        var ems = 0.0;
        for (var i = start; i < end; i++)
        {
            ems += IsWide(text[i]) ? 1 : NarrowEm;
        }

        return ems;
    }

    private static bool IsWide(char c) =>
        c >= '\u2E80' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

    /// <summary>Full-width forms to their plain ones, and lower case: "ＡＢＣ" finds "abc".</summary>
    private static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return char.ToLowerInvariant(c);
    }
}
