using Broadsheet.Samples.Fonts;
using SkiaSharp;

namespace Broadsheet.Samples.Layout;

// What a page is drawn from; layout produces these, the PDF writer replays them in order.
internal abstract record DrawOp;

// Characters at explicit x positions on one baseline, so justification is exact and text extracts in order.
internal sealed record TextOp(FontRole Font, double Size, SKColor Color, string Text, double[] X, double Baseline) : DrawOp;

internal sealed record LineOp(double X0, double Y0, double X1, double Y1, double Width, SKColor Color) : DrawOp;

internal sealed record RectOp(Box Box, SKColor? Fill, SKColor? Stroke, double StrokeWidth) : DrawOp;

// A photo, painted from Seed and embedded as an image XObject.
internal sealed record PhotoOp(Box Box, int Seed) : DrawOp;

internal static class Ink
{
    public static readonly SKColor Black = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor Grey = new(0x55, 0x55, 0x55);
    public static readonly SKColor Rule = new(0x30, 0x30, 0x30);
    public static readonly SKColor Red = new(0xC8, 0x16, 0x1D);
    public static readonly SKColor Navy = new(0x1F, 0x3A, 0x5F);
    public static readonly SKColor White = SKColors.White;
}
