using Broadsheet.Core.Ports;
using NetVips;

namespace Broadsheet.Imaging.Tests.Ocr;

/// <summary>A page image made for a test: black text set with Pango (libvips) on white, each line where we put it.</summary>
internal sealed class TextPage
{
    private readonly List<(string Text, PixelBox Box)> _lines = [];
    private Image _ink;

    public TextPage(int width, int height)
    {
        _ink = Image.Black(width, height);
    }

    public IReadOnlyList<(string Text, PixelBox Box)> Lines => _lines;

    /// <summary>Sets one line at (left, top) in Noto Serif CJK (scripts/install-deps installs it), which sets Latin too.</summary>
    public TextPage Line(string text, int left, int top, int points = 28)
    {
        using var mask = Image.Text(System.Security.SecurityElement.Escape(text), font: $"Noto Serif CJK SC {points}", dpi: 96);
        var next = _ink.Insert(mask, left, top);
        _ink.Dispose();
        _ink = next;
        _lines.Add((text, new PixelBox(left, top, mask.Width, mask.Height)));
        return this;
    }

    /// <summary>Sets a vertical line (竖排): one character under another, from (left, top) down.</summary>
    public TextPage Column(string text, int left, int top, int points = 28) =>
        Line(string.Join('\n', text.EnumerateRunes()), left, top, points);

    /// <summary>Writes the page, turned clockwise by <paramref name="degrees"/>, as PNG or JPEG by the file's extension.</summary>
    public string Save(string path, int degrees = 0)
    {
        using var paper = _ink.Invert().Cast(Enums.BandFormat.Uchar);
        using var turned = degrees switch
        {
            90 => paper.Rot(Enums.Angle.D90),
            180 => paper.Rot(Enums.Angle.D180),
            270 => paper.Rot(Enums.Angle.D270),
            _ => paper.Copy(),
        };
        turned.WriteToFile(path);
        return path;
    }
}
