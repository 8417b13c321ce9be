using SkiaSharp;

namespace Broadsheet.Samples.Fonts;

// One face of a font file: measured with the full face, embedded as a per-page subset when it is TrueType.
internal sealed class FontFace : IDisposable
{
    private readonly Dictionary<char, float> _advances = [];
    private readonly SKFont _measuring;
    private TrueTypeSubsetter? _subsetter;

    public FontFace(string path, int index, bool subset)
    {
        Path = path;
        Index = index;
        Subset = subset;
        Typeface = SKTypeface.FromFile(path, index)
            ?? throw new InvalidDataException($"SkiaSharp cannot load face {index} of {path}.");

        // A large size with linear metrics gives advances exact to the font units, so they scale to any size.
        _measuring = new SKFont(Typeface, MeasuringSize) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
    }

    private const float MeasuringSize = 1000f;

    public string Path { get; }

    public int Index { get; }

    // True when the face is embedded as a TrueType subset; false when SkiaSharp embeds it itself (CFF, as Type 3).
    public bool Subset { get; }

    public SKTypeface Typeface { get; }

    // Advance of c as a fraction of the font size.
    public double Advance(char c)
    {
        if (!_advances.TryGetValue(c, out var advance))
        {
            Span<ushort> glyph = stackalloc ushort[1];
            _measuring.GetGlyphs([c], glyph);
            advance = _measuring.GetGlyphWidths(glyph, null)[0] / MeasuringSize;
            _advances[c] = advance;
        }

        return advance;
    }

    public ushort Glyph(char c) => _measuring.GetGlyph(c);

    // A typeface to draw characters with: a subset of this face, or the face itself.
    public SKTypeface CreateTypefaceFor(IEnumerable<char> characters)
    {
        if (!Subset)
        {
            return Typeface;
        }

        var map = new Dictionary<char, ushort>();
        foreach (var c in characters)
        {
            map[c] = Glyph(c);
        }

        return CreateTypefaceFor(map);
    }

    // A subset whose cmap maps each character to the glyph given (of the full face), whatever character drew it.
    public SKTypeface CreateTypefaceFor(IReadOnlyDictionary<char, ushort> map)
    {
        _subsetter ??= new TrueTypeSubsetter(Path, Index);
        var data = _subsetter.Subset(map);
        return SKTypeface.FromData(SKData.CreateCopy(data))
            ?? throw new InvalidDataException($"The subset of {Path} could not be loaded.");
    }

    public void Dispose()
    {
        _measuring.Dispose();
        _subsetter?.Dispose();
        Typeface.Dispose();
    }
}
