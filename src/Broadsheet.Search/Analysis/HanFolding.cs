using System.Reflection;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// Traditional Han characters to simplified, one character for one (報紙 → 报纸, 後 → 后), from the table
/// <c>HanFolding.txt</c> (derived from OpenCC's dictionaries by <c>scripts/make-han-folding</c>). Both the
/// index and the queries fold through it, so a query in either script finds text in the other. Character by
/// character, not phrase by phrase: a search needs the same form on both sides, not a good translation.
/// </summary>
internal static class HanFolding
{
    private static readonly char[] Map = Load();

    public static char Fold(char c) => Map[c];

    /// <summary>Every UTF-16 unit to itself, except the table's traditional characters: one lookup a character.</summary>
    private static char[] Load()
    {
        var map = new char[char.MaxValue + 1];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = (char)i;
        }

        var assembly = typeof(HanFolding).Assembly;
        using var stream = assembly.GetManifestResourceStream("Broadsheet.Search.Analysis.HanFolding.txt")
            ?? throw new InvalidOperationException("The Han folding table is missing from Broadsheet.Search.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            // "報 报": a traditional character, a space, its simplified form; '#' starts a comment line.
            if (line.Length == 3 && line[1] == ' ' && line[0] != '#')
            {
                map[line[0]] = line[2];
            }
        }

        return map;
    }
}
