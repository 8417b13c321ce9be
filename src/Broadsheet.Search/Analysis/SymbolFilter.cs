using System.Text;
using Broadsheet.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// Drops tokens without a letter or digit. SmartCn passes symbols it does not know through as words, and
/// cuts an emoji into two lone surrogates; nobody searches for those, and a query like 🔥民警 must not
/// require them.
/// </summary>
internal sealed class SymbolFilter : FilteringTokenFilter
{
    private readonly ICharTermAttribute _term;

    public SymbolFilter(TokenStream input)
        : base(IndexSchema.MatchVersion, input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    protected override bool Accept()
    {
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            if (char.IsLetterOrDigit(buffer[i])
                || (char.IsHighSurrogate(buffer[i]) && i + 1 < _term.Length && Rune.TryCreate(buffer[i], buffer[i + 1], out var rune) && Rune.IsLetterOrDigit(rune)))
            {
                return true;
            }
        }

        return false;
    }
}
