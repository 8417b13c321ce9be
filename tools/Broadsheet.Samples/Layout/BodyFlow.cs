using Broadsheet.Samples.Fonts;

namespace Broadsheet.Samples.Layout;

// A paragraph, sub-head or single line ready to be placed in the columns.
internal sealed record Piece(IReadOnlyList<SetLine> Lines, IReadOnlyList<TextRun> Runs, double Size, double LineHeight, double SpaceBefore, Align Align);

// Sets body text into an article's columns; a piece is placed whole or not at all.
internal sealed class BodyFlow(PageCanvas canvas, FrameCursor cursor, double columnWidth, bool latin)
{
    public PageGrid Grid => canvas.Grid;

    public double Size => Grid.BodySize;

    public double LineHeight => Grid.LineHeight;

    public FrameCursor Cursor => cursor;

    public Piece Paragraph(IReadOnlyList<TextRun> runs, double spaceBefore = 0)
    {
        // English is set ragged-right: justified without hyphenation, narrow columns open wide gaps between words.
        var indent = latin ? Size * 1.2 : Size * 2;
        return new(canvas.Setter.Break(runs, Size, columnWidth, indent, justify: !latin, latin), runs, Size, LineHeight, spaceBefore, Align.Left);
    }

    // A 小标题: bold (sans), centred, with air above it.
    public Piece Subhead(string text)
    {
        var size = Size * 1.08;
        IReadOnlyList<TextRun> runs = [new TextRun(text, FontRole.Sans, Ink.Black)];
        return new(canvas.Setter.Break(runs, size, columnWidth, justify: false), runs, size, LineHeight * 1.3, LineHeight * 0.5, Align.Center);
    }

    // A line of its own: a byline ("■通讯员 王五") or a jump line ("（转第3版）").
    public Piece Line(IReadOnlyList<TextRun> runs, Align align) =>
        new(canvas.Setter.Break(runs, Size, columnWidth, justify: false), runs, Size, LineHeight, 0, align);

    // Places all pieces, or none of them when they do not all fit.
    public bool TryPlace(params Piece[] pieces)
    {
        var probe = cursor.Clone();
        foreach (var piece in pieces)
        {
            probe.Skip(piece.SpaceBefore);
            for (var i = 0; i < piece.Lines.Count; i++)
            {
                if (!probe.TryTake(piece.LineHeight, out _, out _))
                {
                    return false;
                }
            }
        }

        foreach (var piece in pieces)
        {
            cursor.Skip(piece.SpaceBefore);
            foreach (var line in piece.Lines)
            {
                cursor.TryTake(piece.LineHeight, out var frame, out var top);
                canvas.Emit(line, piece.Runs, piece.Size, frame.Left, frame.Left + frame.Width, top, piece.LineHeight, piece.Align);
            }
        }

        return true;
    }
}
