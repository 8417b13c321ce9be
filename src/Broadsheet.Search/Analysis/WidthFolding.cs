using Lucene.Net.Analysis.CharFilters;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// Folds full-width ASCII (ＡＢＣ１２３, the ideographic space) to its half-width form before tokenising, so
/// every analyser and the marking of hits agree on what "the same word" is, whichever width was typeset.
/// </summary>
internal static class WidthFolding
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int Offset = 0xFF01 - 0x21;
    private const char IdeographicSpace = '\u3000';

    private static readonly NormalizeCharMap Map = BuildMap();

    /// <summary>Wraps a reader in a char filter that folds widths and keeps offsets pointing into the original text.</summary>
    public static TextReader Wrap(TextReader reader) => new MappingCharFilter(Map, reader);

    public static char Fold(char c) => c switch
    {
        >= FullWidthFirst and <= FullWidthLast => (char)(c - Offset),
        IdeographicSpace => ' ',
        _ => c,
    };

    /// <summary>Folds widths character by character; the result has the same length as the input.</summary>
    public static string Fold(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });

    private static NormalizeCharMap BuildMap()
    {
        var builder = new NormalizeCharMap.Builder();
        for (var c = FullWidthFirst; c <= FullWidthLast; c++)
        {
            builder.Add(c.ToString(), Fold(c).ToString());
        }

        builder.Add(IdeographicSpace.ToString(), " ");
        return builder.Build();
    }
}
