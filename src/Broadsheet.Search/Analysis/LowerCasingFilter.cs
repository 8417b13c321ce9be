using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// Lower-cases tokens like Lucene's LowerCaseFilter (invariant culture, code point by code point), but leaves
/// ASCII and caseless scripts to a table-free fast path: LowerCaseFilter asks ICU about every character, Han
/// included, and that was a fifth of a rebuild's analysis time.
/// </summary>
internal sealed class LowerCasingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public LowerCasingFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 0x80)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    buffer[i] = (char)(c + 32);
                }
            }
            else if (IsCaseless(c))
            {
                continue;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < length && Rune.TryCreate(c, buffer[i + 1], out var rune))
            {
                // Lower-casing a supplementary letter (Deseret, Osage …) keeps it supplementary, so the length holds.
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.Utf16SequenceLength == 2)
                {
                    lower.EncodeToUtf16(buffer.AsSpan(i, 2));
                }

                i++;
            }
            else
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }

        return true;
    }

    // CJK punctuation, kana, the unified ideographs and Hangul syllables have no case; together they are nearly
    // all of a Chinese text's characters.
    private static bool IsCaseless(char c) => c is >= '\u3000' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7A3';
}
