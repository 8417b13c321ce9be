using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

/// <summary>
/// Single lines for the rule tests: a CJK character one em wide, anything else half an em, the box an em high from
/// <c>top</c> and the baseline where <see cref="Support.LayoutBuilder"/> puts it.
/// </summary>
internal static class Typeset
{
    public static TextLine Line(string text, double size, double left, double top, bool bold = false, double? width = null)
    {
        var right = left + (width ?? (text.EnumerateRunes().Sum(r => Script.IsCjk(r.Value) ? 1.0 : 0.5) * size));
        return new TextLine(text, new PageBox(left, top, right, top + size), size) { IsBold = bold, Baseline = top + (0.88 * size) };
    }

    /// <summary>A horizontal rule one point thick centred on <paramref name="y"/>.</summary>
    public static PageRule Across(double left, double y, double right) => new(new PageBox(left, y - 0.5, right, y + 0.5));

    /// <summary>A vertical rule one point thick centred on <paramref name="x"/>.</summary>
    public static PageRule Down(double x, double top, double bottom) => new(new PageBox(x - 0.5, top, x + 0.5, bottom));
}
