using System.Text;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Layout;

/// <summary>How printed lines become text: joined as the script wants, and cut into paragraphs where the page does.</summary>
internal static class LineText
{
    /// <summary>Text with white space and soft hyphens taken out, for comparing what a line says with what an article holds.</summary>
    public static string Normal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\u00AD')
            {
                normal.Append(c);
            }
        }

        return normal.ToString();
    }

    /// <summary>A line's text for matching: normal, and without the hyphen a word broken at the line's end carries.</summary>
    public static string Key(string line)
    {
        var normal = Normal(line);
        return normal.Length > 2 && normal[^1] == '-' && char.IsLetter(normal[^2]) ? normal[..^1] : normal;
    }

    /// <summary>Joins pieces of text as they read: nothing between Chinese characters, a space between words, a broken word mended.</summary>
    public static string Join(IEnumerable<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var text = new StringBuilder();
        foreach (var raw in pieces)
        {
            var piece = raw.Trim();
            if (piece.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                var last = text[^1];
                if (last == '-' && text.Length > 1 && char.IsLower(text[^2]) && char.IsLower(piece[0]))
                {
                    text.Length--;
                }
                else if (!IsCjk(last) && !IsCjk(piece[0]))
                {
                    text.Append(' ');
                }
            }

            text.Append(piece);
        }

        return text.ToString();
    }

    /// <summary>
    /// The paragraphs of <paramref name="lines"/> (in reading order, column after column; <paramref name="columns"/>
    /// gives each line's column): a new one where a line is indented against its column, where the line before it
    /// stopped well short of its column's edge, or where the type changes size or weight. A line split on one
    /// baseline is one line. <paramref name="aspect"/> is the page's height over its width.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(IReadOnlyList<PageLayoutLine> lines, IReadOnlyList<Box> columns, double aspect)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(columns);
        var rows = Rows(lines, columns, aspect);
        var paragraphs = new List<string>();
        var current = new List<string>();
        Row? previous = null;
        foreach (var row in rows)
        {
            var em = Math.Max(row.Box.Height, 0.001) * aspect;
            var indented = row.Box.Left - row.Column.Left > 0.8 * em;
            var breaks = previous is null
                || indented
                || previous.Box.Right < previous.Column.Right - (1.5 * Math.Max(previous.Box.Height, 0.001) * aspect)
                || Math.Abs(previous.Size - row.Size) > 0.1 * Math.Max(previous.Size, row.Size)
                || previous.Bold != row.Bold;
            if (breaks && current.Count > 0)
            {
                paragraphs.Add(Join(current));
                current.Clear();
            }

            current.Add(row.Text);
            previous = row;
        }

        if (current.Count > 0)
        {
            paragraphs.Add(Join(current));
        }

        return paragraphs;
    }

    public static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F')
            or (>= '\uFF00' and <= '\uFFEF') or (>= '\u3000' and <= '\u303F') or '“' or '”' or '‘' or '’' or '—' or '…' or '·';

    /// <summary>Consecutive lines that share a baseline in one column are one row.</summary>
    private static List<Row> Rows(IReadOnlyList<PageLayoutLine> lines, IReadOnlyList<Box> columns, double aspect)
    {
        var rows = new List<(List<PageLayoutLine> Parts, Box Box, Box Column)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var box = Box.Of(lines[i]);
            if (rows.Count > 0)
            {
                var (parts, last, column) = rows[^1];
                var em = Math.Max(Math.Max(last.Height, box.Height), 0.001);
                var sameRow = column == columns[i]
                    && Math.Min(last.Bottom, box.Bottom) - Math.Max(last.Top, box.Top) > 0.5 * em && box.Left >= last.Right - (0.2 * em * aspect);
                if (sameRow)
                {
                    parts.Add(lines[i]);
                    rows[^1] = (parts, last.Union(box), column);
                    continue;
                }
            }

            rows.Add(([lines[i]], box, columns[i]));
        }

        return [.. rows.Select(r => new Row(Join(r.Parts.Select(p => p.Text)), r.Box, r.Column, r.Parts.Max(p => p.Size), r.Parts.Any(p => p.Bold)))];
    }

    private sealed record Row(string Text, Box Box, Box Column, double Size, bool Bold);
}
