using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Reads an article's columns into paragraphs. A paragraph starts where a line is indented (Chinese
/// papers indent two characters), where the line before stopped short of a justified column's edge, or after a
/// gap larger than the leading, at a change of type size (a sub-head) and after a byline set on a line of its
/// own; a paragraph runs on from the foot of one column to the head of the next.
/// </summary>
internal static class Paragraphs
{
    /// <summary>An indent of this many ems starts a paragraph.</summary>
    private const double Indent = 0.8;

    /// <summary>A line ending this many ems short of the column's right edge ends its paragraph.</summary>
    private const double ShortLine = 1.5;

    /// <summary>A sub-head (小标题) is set a little larger than the text around it; it is a paragraph of its own.</summary>
    private const double SizeChange = 0.04;

    /// <summary>A gap this many ems larger than the usual line spacing separates paragraphs.</summary>
    private const double ExtraGap = 0.8;

    /// <summary>A sub-head is at most this many lines long.</summary>
    private const int SubheadLines = 2;

    /// <summary>A sub-head is at most this many characters long; a longer paragraph in display type is a standfirst or an inset.</summary>
    private const int SubheadLength = 40;

    /// <param name="columns">The article's columns in reading order.</param>
    /// <param name="photos">
    /// Photos (with their captions) set into the columns: the text runs on around them, so the gap one leaves
    /// between two lines of a column is no paragraph break.
    /// </param>
    public static IReadOnlyList<string> Read(IReadOnlyList<TextColumn> columns, IReadOnlyList<PageBox>? photos = null) =>
        ReadWithSubheads(columns, photos).Paragraphs;

    /// <summary>
    /// The paragraphs as <see cref="Read"/> finds them, and which of them are sub-heads (小标题): short paragraphs set
    /// larger than the article's text, or bold where its text is not, with text after them. Which paragraphs there are
    /// does not depend on this; it only names some of them.
    /// </summary>
    public static (IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Subheads) ReadWithSubheads(
        IReadOnlyList<TextColumn> columns, IReadOnlyList<PageBox>? photos = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var paragraphs = new List<string>();
        var lines = new List<List<TextLine>>();
        var currentLines = new List<TextLine>();
        var current = "";
        TextLine? previous = null;
        TextColumn? previousColumn = null;
        var previousJustified = false;
        var previousRight = 0.0;
        var linesInParagraph = 0;
        foreach (var column in columns)
        {
            var leading = TypicalLeading(column);
            var justified = IsJustified(column);
            var margins = Margins.Of(column.Lines);
            for (var k = 0; k < column.Lines.Count; k++)
            {
                var line = column.Lines[k];
                var em = line.FontSize;
                var text = line.Text.Trim(' ');

                // Some typesetters indent with two ideographic spaces rather than by position.
                var spaceIndent = text.StartsWith("\u3000\u3000", StringComparison.Ordinal);
                text = spaceIndent ? text.TrimStart('\u3000') : text;
                var startsNew = previous is null
                    || spaceIndent
                    || (linesInParagraph == 1 && Bylines.IsOwnLine(current) && previous.Box.Right < previousRight - previous.FontSize)
                    || Math.Abs(line.FontSize - previous.FontSize) > SizeChange * em
                    || line.Box.Left - margins[k].Left >= Indent * em
                    || (previousJustified && previous.Box.Right <= previousRight - (ShortLine * previous.FontSize)
                        && !WrappedWord(previous, text, line, previousRight))
                    || (ReferenceEquals(previousColumn, column) && line.Box.Top - previous.Box.Top > leading + (ExtraGap * em)
                        && !(photos ?? []).Any(p => p.HorizontalOverlap(line.Box) > 0 && p.Top >= previous.Box.Bottom - 1 && p.Bottom <= line.Box.Top + 1));
                if (startsNew && current.Length > 0)
                {
                    paragraphs.Add(current);
                    lines.Add(currentLines);
                    currentLines = [];
                    current = "";
                    linesInParagraph = 0;
                }

                current = Script.Join(current, text);
                currentLines.Add(line);
                linesInParagraph++;
                previous = line;
                previousColumn = column;
                previousJustified = justified;
                previousRight = margins[k].Right;
            }
        }

        if (current.Length > 0)
        {
            paragraphs.Add(current);
            lines.Add(currentLines);
        }

        return (paragraphs, Subheads(paragraphs, lines));
    }

    private static List<string> Subheads(List<string> paragraphs, List<List<TextLine>> lines)
    {
        var all = lines.SelectMany(l => l).ToList();
        if (all.Count == 0)
        {
            return [];
        }

        var body = all.Select(l => l.FontSize).Order().ElementAt(all.Count / 2);
        var boldText = all.Count(l => l.IsBold) >= 0.3 * all.Count;
        var subheads = new List<string>();
        for (var i = 0; i + 1 < paragraphs.Count; i++)
        {
            var own = lines[i];
            var text = paragraphs[i];
            var display = own.All(l => l.FontSize > body * (1 + SizeChange)) || (!boldText && own.All(l => l.IsBold));
            if (display && own.Count <= SubheadLines && text.Length <= SubheadLength && !Bylines.IsOwnLine(text))
            {
                subheads.Add(text);
            }
        }

        return subheads;
    }

    /// <summary>
    /// Whether a short Latin line is short only because the next line's first word did not fit on it: then the
    /// paragraph runs on. Chinese breaks anywhere, so a short Chinese line always ends its paragraph.
    /// </summary>
    private static bool WrappedWord(TextLine previous, string nextText, TextLine next, double columnRight)
    {
        if (previous.Text.Length == 0 || nextText.Length == 0 || !IsLatin(previous.Text.TrimEnd()[^1]) || !IsLatin(nextText[0]))
        {
            return false;
        }

        var word = nextText.Split(' ')[0];
        var charWidth = next.Box.Width / Math.Max(1, next.Text.Length);
        return (word.Length + 1) * charWidth > columnRight - previous.Box.Right;
    }

    private static bool IsLatin(char c) => c is > ' ' and < '\u2000';

    /// <summary>
    /// Whether the column is set flush on both sides, as Chinese text is; a short line then ends a paragraph.
    /// English is often set ragged right, where only the indent tells.
    /// </summary>
    private static bool IsJustified(TextColumn column)
    {
        var lines = column.Lines.Take(column.Lines.Count - 1).ToList();
        return lines.Count < 2 || lines.Count(l => l.Box.Right >= column.Right - (0.5 * l.FontSize)) >= 0.6 * lines.Count;
    }

    /// <summary>The usual distance from one line's top to the next in the column.</summary>
    private static double TypicalLeading(TextColumn column)
    {
        var steps = column.Lines.Zip(column.Lines.Skip(1), (a, b) => b.Box.Top - a.Box.Top).Where(d => d > 0).Order().ToArray();
        return steps.Length > 0 ? steps[steps.Length / 2] : column.Lines[0].FontSize * 1.5;
    }
}
