namespace Broadsheet.Samples.Fonts;

// The faces of one SampleFontSet, found in the locations Debian and Ubuntu install them to.
internal sealed class FontLibrary : IDisposable
{
    private const string WenQuanYi = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private const string UMing = "/usr/share/fonts/truetype/arphic/uming.ttc";
    private const string NotoSans = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    private const string NotoSansBold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    private const string NotoSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

    // Face 2 of the Noto CJK collections is the Simplified Chinese one (JP, KR, SC, TC, HK).
    private const int NotoSimplifiedChinese = 2;

    private readonly Dictionary<FontRole, FontFace> _roles;
    private readonly List<FontFace> _faces;

    private FontLibrary(Dictionary<FontRole, FontFace> roles)
    {
        _roles = roles;
        _faces = [.. roles.Values.Distinct()];
    }

    public IReadOnlyList<FontFace> Faces => _faces;

    public static FontLibrary Load(SampleFontSet set)
    {
        if (set == SampleFontSet.NotoCff)
        {
            Require(NotoSans, NotoSansBold, NotoSerif);
            var serif = new FontFace(NotoSerif, NotoSimplifiedChinese, subset: false);
            return new(new()
            {
                [FontRole.Serif] = serif,
                [FontRole.Latin] = serif,
                [FontRole.Sans] = new FontFace(NotoSans, NotoSimplifiedChinese, subset: false),
                [FontRole.Heavy] = new FontFace(NotoSansBold, NotoSimplifiedChinese, subset: false),
            });
        }

        Require(WenQuanYi, UMing);

        // UMing's Latin letters are monospaced like a typewriter's, so the English page is set in the sans face.
        var sans = new FontFace(WenQuanYi, 0, subset: true);
        return new(new()
        {
            [FontRole.Serif] = new FontFace(UMing, 0, subset: true),
            [FontRole.Sans] = sans,
            [FontRole.Heavy] = sans,
            [FontRole.Latin] = sans,
        });
    }

    public FontFace this[FontRole role] => _roles[role];

    public double Measure(string text, FontRole role, double size)
    {
        var face = _roles[role];
        double width = 0;
        foreach (var c in text)
        {
            width += face.Advance(c);
        }

        return width * size;
    }

    public void Dispose()
    {
        foreach (var face in _faces)
        {
            face.Dispose();
        }
    }

    private static void Require(params string[] paths)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Sample editions need the font {path}; install it with `apt-get install fonts-wqy-microhei fonts-arphic-uming fonts-noto-cjk`.",
                    path);
            }
        }
    }
}
