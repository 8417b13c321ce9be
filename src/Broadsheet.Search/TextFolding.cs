using Broadsheet.Search.Analysis;

namespace Broadsheet.Search;

/// <summary>How search compares characters, for whatever else must agree with it (the reader marking a phrase in text).</summary>
public static class TextFolding
{
    /// <summary>
    /// A character as the index sees it: full-width forms as half-width, traditional Han characters as
    /// simplified. One character for one, so positions in folded text are positions in the original.
    /// </summary>
    public static char Fold(char c) => WidthFolding.Fold(c);
}
