namespace Broadsheet.Samples.Layout;

// An axis-aligned rectangle in PDF points, origin top-left (as SkiaSharp draws).
internal readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;
}

// A column of text: lines are taken from Top down to Bottom.
internal readonly record struct Frame(double Left, double Width, double Top, double Bottom);
