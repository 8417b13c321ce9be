namespace Broadsheet.Search.Analysis;

/// <summary>
/// Folds full-width ASCII (ＡＢＣ１２３, the ideographic space) to its half-width form and traditional Han
/// characters to simplified (<see cref="HanFolding"/>) before tokenising, so every analyser and the marking of
/// hits agree on what "the same word" is, whichever width or script was typeset or typed.
/// </summary>
internal static class WidthFolding
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int Offset = 0xFF01 - 0x21;
    private const char IdeographicSpace = '\u3000';

    /// <summary>
    /// Wraps a reader in one that folds widths as it reads. Every fold is one character for one, so offsets
    /// still point into the original text without correction; a <c>MappingCharFilter</c> (which allows for
    /// replacements of other lengths) cost a tenth of a rebuild, being built and buffered for every field value.
    /// </summary>
    public static TextReader Wrap(TextReader reader) => new FoldingReader(reader);

    public static char Fold(char c) => c switch
    {
        >= FullWidthFirst and <= FullWidthLast => (char)(c - Offset),
        IdeographicSpace => ' ',
        _ => HanFolding.Fold(c),
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

    private sealed class FoldingReader(TextReader input) : TextReader
    {
        public override int Read(char[] buffer, int index, int count)
        {
            var read = input.Read(buffer, index, count);
            for (var i = index; i < index + read; i++)
            {
                buffer[i] = Fold(buffer[i]);
            }

            return read;
        }

        public override int Read() => input.Read() is var c and >= 0 ? Fold((char)c) : -1;

        public override int Peek() => input.Peek() is var c and >= 0 ? Fold((char)c) : -1;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
