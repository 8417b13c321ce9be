namespace Broadsheet.Ingest.Text;

/// <summary>
/// One character as drawn, independent of the PDF library: its advance box (em-high, so lines of one
/// size line up however the glyphs' ink varies), baseline and font.
/// </summary>
internal readonly record struct Glyph(string Value, PageBox Box, double Baseline, double Size)
{
    public string FontName { get; init; } = "";

    public bool IsBold { get; init; }

    public string? Colour { get; init; }

    public bool IsWhiteSpace => string.IsNullOrWhiteSpace(Value);

    /// <summary>The em box of a glyph on <paramref name="baseline"/>: CJK fonts put it 0.88 em above and 0.12 em below.</summary>
    public static PageBox EmBox(double left, double right, double baseline, double size) =>
        new(left, baseline - (0.88 * size), right, baseline + (0.12 * size));
}
