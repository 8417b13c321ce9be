using System.Buffers;
using System.Text;

namespace Broadsheet.Ingest.Text;

/// <summary>Character classes that line building and detection care about.</summary>
internal static class Script
{
    /// <summary>Han ideographs, kana, CJK punctuation and full-width forms: text set without spaces between characters.</summary>
    public static bool IsCjk(int c) =>
        c is (>= 0x2E80 and <= 0x2FDF)
            or (>= 0x3000 and <= 0x30FF)
            or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFFEF)
            or (>= 0x20000 and <= 0x3FFFF);

    public static bool StartsCjk(string s) =>
        Rune.DecodeFromUtf16(s, out var rune, out _) == OperationStatus.Done && IsCjk(rune.Value);

    public static bool EndsCjk(string s) =>
        Rune.DecodeLastFromUtf16(s, out var rune, out _) == OperationStatus.Done && IsCjk(rune.Value);

    private static bool IsLatinAt(string s, int index)
    {
        var c = s[index];
        return c < 0x2000 && !char.IsSurrogate(c) && !char.IsWhiteSpace(c);
    }

    /// <summary>Joins two pieces of running text the way they read: no space between CJK, one space otherwise.</summary>
    public static string Join(string left, string right)
    {
        if (left.Length == 0)
        {
            return right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        // Only two Latin words are joined with a space; CJK text, and a number followed by "℃" or "%", is set solid.
        if (!IsLatinAt(left, left.Length - 1) || !IsLatinAt(right, 0))
        {
            return left + right;
        }

        // A word broken at the end of a line joins without its hyphen ("Indepen-" + "dence"); a compound that happened
        // to break at its own hyphen ("self-" + "reliance", "President-" + "elect") keeps it. Without a dictionary the
        // compound is told by its first part: a prefix that is always hyphenated, or a capitalised word before a
        // capitalised one.
        if (left[^1] == '-' && char.IsLetter(right[0]))
        {
            return KeepsHyphen(left, right) ? left + right : left[..^1] + right;
        }

        return left + " " + right;
    }

    private static readonly string[] HyphenatedPrefixes =
    [
        "self", "well", "non", "co", "ex", "anti", "pro", "multi", "semi", "half", "all", "cross", "post", "pre", "vice",
        "mid", "quasi", "long", "short", "high", "low", "full", "part", "so", "one", "two", "three", "four", "five",
        "first", "second", "third", "year", "old", "new", "world", "left", "right", "far", "best", "ill", "near", "e",
    ];

    private static readonly string[] HyphenatedSuffixes = ["elect", "based", "led", "run", "style", "like", "wide", "free", "related", "term", "year", "old"];

    private static bool KeepsHyphen(string left, string right)
    {
        var start = left.Length - 1;
        while (start > 0 && char.IsLetter(left[start - 1]))
        {
            start--;
        }

        var first = left[start..^1];
        var second = new string([.. right.TakeWhile(char.IsLetter)]);
        return first.Length == 0 || !first.All(char.IsLetter) || char.IsUpper(right[0])
            || HyphenatedPrefixes.Contains(first, StringComparer.OrdinalIgnoreCase)
            || HyphenatedSuffixes.Contains(second, StringComparer.OrdinalIgnoreCase)
            || (first.Length > 1 && first.All(char.IsUpper));
    }
}
