using Broadsheet.Core.Model;
using Broadsheet.Samples.Fonts;
using SkiaSharp;

namespace Broadsheet.Samples.Layout;

internal enum Align
{
    Left,
    Center,
    Right,
}

// One page being composed: its grid, what has been drawn on it so far, and drawing helpers.
internal sealed class PageCanvas(PageGrid grid, TextSetter setter, string label)
{
    public PageGrid Grid { get; } = grid;

    public TextSetter Setter { get; } = setter;

    public string Label { get; } = label;

    public List<DrawOp> Ops { get; } = [];

    // Baseline of a line of size centred in a line box starting at top.
    public static double Baseline(double top, double lineHeight, double size) => top + ((lineHeight - size) / 2) + (0.88 * size);

    // Draws one line of display text (never wrapped) and returns the bottom of its line box.
    public double Display(IReadOnlyList<TextRun> runs, double size, double left, double right, double top, double lineHeight, Align align)
    {
        var line = Setter.Break(runs, size, double.MaxValue / 4, justify: false)[0];
        Emit(line, runs, size, left, right, top, lineHeight, align);
        return top + lineHeight;
    }

    public double Display(string text, FontRole font, double size, SKColor color, double left, double right, double top, double lineHeight, Align align) =>
        Display([new TextRun(text, font, color)], size, left, right, top, lineHeight, align);

    public void Emit(SetLine line, IReadOnlyList<TextRun> runs, double size, double left, double right, double top, double lineHeight, Align align)
    {
        var x = align switch
        {
            Align.Center => left + ((right - left - line.Width) / 2),
            Align.Right => right - line.Width,
            _ => left,
        };
        Ops.AddRange(TextSetter.Emit(line, runs, size, x, Baseline(top, lineHeight, size)));
    }

    public void Photo(Box box, int seed) => Ops.Add(new PhotoOp(box, seed));

    public void HorizontalRule(double left, double right, double y, double width = 0.6) =>
        Ops.Add(new LineOp(left, y, right, y, width, Ink.Rule));

    public void VerticalRule(double x, double top, double bottom, double width = 0.6) =>
        Ops.Add(new LineOp(x, top, x, bottom, width, Ink.Rule));

    public static IReadOnlyList<NormalisedPoint> Normalise(Box box) =>
    [
        Point(box.Left, box.Top), Point(box.Right, box.Top), Point(box.Right, box.Bottom), Point(box.Left, box.Bottom),
    ];

    public static NormalisedPoint Point(double x, double y) =>
        new(Math.Round(x / PageGrid.PageWidth, 6), Math.Round(y / PageGrid.PageHeight, 6));
}
