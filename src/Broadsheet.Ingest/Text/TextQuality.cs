using System.Text;

namespace Broadsheet.Ingest.Text;

/// <summary>
/// Tells a page whose text came out as garbage: a font with no usable Unicode map gives private-use code points,
/// control characters or U+FFFD instead of what was printed. Such text must never reach an article.
/// </summary>
internal static class TextQuality
{
    /// <summary>A page is unreadable when more than this share of its drawn characters is unusable.</summary>
    public const double MaxUnusableShare = 0.3;

    /// <summary>
    /// A page is unreadable, too, when more than this share of its characters are ASCII punctuation and symbols: the
    /// glyph numbers of fonts without a Unicode map, read as if they were ASCII (<c>!"#$%&amp;'</c>). Printed prose in any
    /// language has a few per cent (an old scan's OCR layer under a tenth).
    /// </summary>
    public const double MaxSymbolShare = 0.2;

    /// <summary>Fewer characters than this say too little to judge by symbols.</summary>
    private const int MinCharactersForSymbols = 200;

    /// <summary>Whether most drawn characters are unusable; a page with none (a scan) is empty, not unreadable.</summary>
    public static bool IsUnreadable(IEnumerable<string> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        int total = 0, unusable = 0, symbols = 0;
        foreach (var value in characters)
        {
            if (string.IsNullOrWhiteSpace(value) && value.Length > 0)
            {
                continue;
            }

            total++;
            unusable += IsUnusable(value) ? 1 : 0;
            symbols += value.Length == 1 && char.IsAscii(value[0]) && (char.IsPunctuation(value[0]) || char.IsSymbol(value[0])) ? 1 : 0;
        }

        return total > 0 && (unusable > MaxUnusableShare * total || (total >= MinCharactersForSymbols && symbols > MaxSymbolShare * total));
    }

    /// <summary>Whether a drawn character's text says nothing about what was printed.</summary>
    public static bool IsUnusable(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            if (Rune.IsControl(rune) || c == 0xFFFD
                || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
            {
                return true;
            }
        }

        return false;
    }
}
