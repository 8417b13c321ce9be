namespace Broadsheet.Ingest.Text;

/// <summary>
/// One printed line of text (or a run of one, where a column gutter or a rule splits a baseline).
/// Font details are those of most of its characters.
/// </summary>
internal sealed record TextLine(string Text, PageBox Box, double FontSize)
{
    public string FontName { get; init; } = "";

    public bool IsBold { get; init; }

    /// <summary>Fill colour as <c>#RRGGBB</c>, when the PDF says.</summary>
    public string? Colour { get; init; }

    /// <summary>The y of the baseline, top-left origin (of a vertical line, the bottom of its last character).</summary>
    public double Baseline { get; init; }

    /// <summary>Set top to bottom (竖排), one character under the other; its text reads top to bottom.</summary>
    public bool IsVertical { get; init; }

    public override string ToString() => Text;
}

/// <summary>A raster image (photo, graphic) drawn on the page.</summary>
internal sealed record PageImage(PageBox Box);

/// <summary>A thin straight line (or a thin filled bar) such as a column or section rule.</summary>
internal sealed record PageRule(PageBox Box)
{
    public bool IsHorizontal => Box.Width >= Box.Height;
}

/// <summary>A filled rectangle such as the coloured bar behind a section head or the tint behind a boxed story.</summary>
internal sealed record PagePanel(PageBox Box, string? Colour);

/// <summary>What layout analysis sees of a page: its size in points and its lines, images and rules.</summary>
internal sealed record PageLayout(double Width, double Height, IReadOnlyList<TextLine> Lines)
{
    public IReadOnlyList<PageImage> Images { get; init; } = [];

    public IReadOnlyList<PageRule> Rules { get; init; } = [];

    public IReadOnlyList<PagePanel> Panels { get; init; } = [];

    /// <summary>
    /// True when the page's text cannot be read: most of its characters came out as private-use code points,
    /// control characters or replacement characters (fonts with no usable Unicode map). Its lines are not
    /// article text; the page needs review (or OCR).
    /// </summary>
    public bool IsUnreadable { get; init; }
}
