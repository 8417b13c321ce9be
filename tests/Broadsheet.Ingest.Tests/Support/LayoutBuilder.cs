using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Support;

/// <summary>Builds a <see cref="PageLayout"/> by hand, CJK-style: every character one em wide.</summary>
internal sealed class LayoutBuilder(double width = 842, double height = 1191)
{
    private readonly List<TextLine> _lines = [];
    private readonly List<PageRule> _rules = [];
    private readonly List<PageImage> _images = [];

    /// <param name="width">The line's width; by default an em per character.</param>
    public LayoutBuilder Line(string text, double size, double left, double top, bool bold = false, double? width = null)
    {
        var right = left + (width ?? (text.EnumerateRunes().Count() * size));
        _lines.Add(new TextLine(text, new PageBox(left, top, right, top + size), size) { IsBold = bold, Baseline = top + (0.88 * size) });
        return this;
    }

    /// <summary>A column of body text: <paramref name="count"/> lines of <paramref name="chars"/> characters.</summary>
    public LayoutBuilder Column(string seed, double left, double top, int count, int chars = 12, double size = 10, double leading = 14, bool indentFirst = true)
    {
        for (var i = 0; i < count; i++)
        {
            var indent = indentFirst && i == 0 ? 2 : 0;
            var text = string.Concat(Enumerable.Repeat(seed, chars))[..(chars - indent)];
            Line(text, size, left + (indent * size), top + (i * leading));
        }

        return this;
    }

    public LayoutBuilder Rule(double left, double top, double right, double bottom) => Add(new PageRule(new PageBox(left, top, right, bottom)));

    public LayoutBuilder Image(double left, double top, double right, double bottom)
    {
        _images.Add(new PageImage(new PageBox(left, top, right, bottom)));
        return this;
    }

    public PageLayout Build() => new(width, height, [.. _lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left)]) { Rules = _rules, Images = _images };

    private LayoutBuilder Add(PageRule rule)
    {
        _rules.Add(rule);
        return this;
    }
}
