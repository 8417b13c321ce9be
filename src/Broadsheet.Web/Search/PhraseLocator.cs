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
        var run = new Run(Within(lines, within));
        var boxes = new List<HitBox>();
        foreach (var phrase in phrases.Select(Squeeze).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            for (var at = run.Text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = run.Text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
            {
                boxes.AddRange(run.Boxes(at, phrase.Length));
            }
        }

        return boxes;
    }

    /// <summary>
    /// Where each of an article's paragraphs is printed, in order: one box per line it runs over. A paragraph is
    /// found whole after the one before it, or else by its first and last few characters (the printed lines may
    /// differ from the stored text: a byline lifted out, a hyphen at a line's end); one not found gets no boxes.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<HitBox>> Paragraphs(IReadOnlyList<PageTextLine> lines, IReadOnlyList<string> paragraphs, IReadOnlyList<Polygon>? within = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(paragraphs);
        const int Ends = 6;
        var run = new Run(Within(lines, within));
        var found = new List<IReadOnlyList<HitBox>>(paragraphs.Count);
        var from = 0;
        foreach (var paragraph in paragraphs.Select(Squeeze))
        {
            var start = paragraph.Length == 0 ? -1 : run.Text.IndexOf(paragraph, from, StringComparison.Ordinal);
            var end = start < 0 ? -1 : start + paragraph.Length;
            if (start < 0 && paragraph.Length > 2 * Ends)
            {
                start = run.Text.IndexOf(paragraph[..Ends], from, StringComparison.Ordinal);
                var last = start < 0 ? -1 : run.Text.IndexOf(paragraph[^Ends..], start + Ends, StringComparison.Ordinal);
                end = last < 0 ? -1 : last + Ends;
                // A match that runs on far past the paragraph's own length has found another paragraph's ending.
                if (end < 0 || end - start > paragraph.Length * 3 / 2)
                {
                    start = -1;
                }
            }

            if (start < 0)
            {
                found.Add([]);
                continue;
            }

            found.Add([.. run.Boxes(start, end - start)]);
            from = end;
        }

        return found;
    }

    private static IReadOnlyList<PageTextLine> Within(IReadOnlyList<PageTextLine> lines, IReadOnlyList<Polygon>? within) =>
        within is null ? lines : [.. lines.Where(l => within.Any(p => p.Contains((l.Left + l.Right) / 2, (l.Top + l.Bottom) / 2)))];

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)).Select(Fold));

    /// <summary>The lines as one run of folded characters without spaces, remembering where each came from.</summary>
    private sealed class Run
    {
        private readonly IReadOnlyList<PageTextLine> _lines;
        private readonly List<(int Line, int Index)> _origin = [];

        public Run(IReadOnlyList<PageTextLine> lines)
        {
            _lines = lines;
            var text = new StringBuilder();
            for (var l = 0; l < lines.Count; l++)
            {
                var line = lines[l].Text;
                for (var i = 0; i < line.Length; i++)
                {
                    if (!char.IsWhiteSpace(line[i]))
                    {
                        text.Append(Fold(line[i]));
                        _origin.Add((l, i));
                    }
                }
            }

            Text = text.ToString();
        }

        public string Text { get; }

        /// <summary>One box per line the characters <paramref name="at"/>.. run over.</summary>
        public IEnumerable<HitBox> Boxes(int at, int length) =>
            _origin.GetRange(at, length).GroupBy(o => o.Line).Select(piece => Box(_lines[piece.Key], piece.Min(o => o.Index), piece.Max(o => o.Index) + 1));
    }

    private static HitBox Box(PageTextLine line, int start, int end)
    {
        var total = Math.Max(Ems(line.Text, 0, line.Text.Length), 0.001);
        if (IsVertical(line))
        {
            var height = line.Bottom - line.Top;
            var top = line.Top + (height * Ems(line.Text, 0, start) / total);
            var bottom = line.Top + (height * Ems(line.Text, 0, end) / total);
            return new HitBox(line.Left, top, line.Right - line.Left, bottom - top);
        }

        var width = line.Right - line.Left;
        var left = line.Left + (width * Ems(line.Text, 0, start) / total);
        var right = line.Left + (width * Ems(line.Text, 0, end) / total);
        return new HitBox(left, line.Top, right - left, line.Bottom - line.Top);
    }

    /// <summary>
    /// A line set top to bottom (竖排): CJK characters in a box taller than wide. Across, two characters make a box
    /// twice as wide as tall in points, which stays wider than tall on any page up to twice as wide as high.
    /// </summary>
    private static bool IsVertical(PageTextLine line) =>
        line.Text.Length > 1 && line.Bottom - line.Top > line.Right - line.Left && line.Text.All(c => char.IsWhiteSpace(c) || IsWide(c));

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

    private static char Fold(char c) => ReaderFolding.Fold(c);
}
