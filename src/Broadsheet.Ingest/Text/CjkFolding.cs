using System.Text;

namespace Broadsheet.Ingest.Text;

/// <summary>
/// Folds radical and compatibility code points back to the unified ideographs they stand for.
/// PDF fonts often map a glyph to the first code point that shares it, so 日 comes out as the
/// Kangxi radical U+2F47 and 长 as the radical U+2ED3: the text looks right but search and
/// comparison fail. Only those ranges are folded; full-width punctuation stays as printed,
/// which is why this is not NFKC over the whole string.
/// </summary>
internal static class CjkFolding
{
    private const int SupplementFirst = 0x2E80;
    private const int SupplementLast = 0x2EF3;

    /// <summary>
    /// CJK Radicals Supplement (U+2E80..U+2EF3) to unified ideographs, from the Unicode
    /// EquivalentUnifiedIdeograph.txt data file; NFKC folds only two of these. 0 means no equivalent.
    /// </summary>
    private static readonly int[] Supplement =
    [
        0, 0x5382, 0x4E5B, 0x4E5A, 0x4E59, 0x4EBB, 0x5182, 0x20628,
        0x5200, 0x5202, 0x535C, 0x353E, 0x5C0F, 0x5C0F, 0x5140, 0x5C23,
        0x5C22, 0x21BC2, 0x5DF3, 0x5E7A, 0x5F51, 0x2B739, 0x5FC4, 0x5FC3,
        0x624C, 0x6535, 0, 0x65E1, 0x65E5, 0x6708, 0x6B7A, 0x6BCD,
        0x6C11, 0x6C35, 0x6C3A, 0x706C, 0x722B, 0x722B, 0x4E2C, 0x725B,
        0x72AD, 0x738B, 0x24D14, 0x76EE, 0x793A, 0x793B, 0x25AD7, 0x7CF9,
        0x7E9F, 0x7F53, 0x7F52, 0x34C1, 0x5197, 0x2626B, 0x7F8A, 0x2634C,
        0x2634B, 0x8002, 0x8080, 0x807F, 0x8089, 0x26951, 0x8279, 0x8279,
        0x8279, 0x864E, 0x8864, 0x8980, 0x897F, 0x89C1, 0x89D2, 0x278B2,
        0x8BA0, 0x8D1D, 0x27FB7, 0x8F66, 0x8FB6, 0x8FB6, 0x8FB6, 0x9091,
        0x9485, 0x9577, 0x9578, 0x957F, 0x95E8, 0x28E0F, 0x961D, 0x96E8,
        0x9752, 0x97E6, 0x9875, 0x98CE, 0x98DE, 0x98DF, 0x2967F, 0x98E0,
        0x9963, 0x29810, 0x9A6C, 0x9AA8, 0x9B3C, 0x9C7C, 0x9E1F, 0x5364,
        0x9EA6, 0x9EC4, 0x9EFE, 0x6589, 0x9F50, 0x6B6F, 0x9F7F, 0x7ADC,
        0x9F99, 0x9F9C, 0x4E80, 0x9F9F,
    ];

    public static bool NeedsFolding(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsFoldable(rune.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>KANGXI RADICAL DOOR: Unicode equates it with 戶, but simplified fonts draw it as, and share its glyph with, 户.</summary>
    private const int RadicalDoor = 0x2F3E;

    public static string Fold(string text, HanScript script = HanScript.Simplified)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsFolding(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            sb.Append(Fold(rune, script));
        }

        return sb.ToString();
    }

    public static string Fold(Rune rune, HanScript script = HanScript.Simplified)
    {
        var c = rune.Value;
        if (c == RadicalDoor && script == HanScript.Simplified)
        {
            // Measured on Noto Sans/Serif CJK SC: the one radical whose shared glyph is not its NFKC form.
            return "户";
        }

        if (c is >= SupplementFirst and <= SupplementLast)
        {
            var unified = Supplement[c - SupplementFirst];
            return unified == 0 ? rune.ToString() : char.ConvertFromUtf32(unified);
        }

        if (IsFoldable(c))
        {
            // Kangxi radicals and compatibility ideographs all have a singleton NFKC mapping, and so do the vertical
            // presentation forms (﹃ for 『), which say how a glyph was drawn in a vertical line, not what it is.
            return rune.ToString().Normalize(NormalizationForm.FormKC);
        }

        return rune.ToString();
    }

    private static bool IsFoldable(int c) =>
        c is (>= SupplementFirst and <= SupplementLast)
            or (>= 0x2F00 and <= 0x2FD5)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x2F800 and <= 0x2FA1F)
            or (>= 0xFE10 and <= 0xFE19)
            or (>= 0xFE30 and <= 0xFE48);
}
