using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;

namespace Broadsheet.Search.Analysis;

/// <summary>
/// Follows the bigrams of every CJK run with the run's last character on its own (王小明 → 王小 小明 明), typed
/// as a single. With it every character of a run starts a term: the first characters their bigram, the last
/// one this single, so a one-character query is a prefix query over the bigrams (see
/// <see cref="Querying.BigramPhrase"/>). Keeping every character beside the bigrams instead doubled the tokens
/// a rebuild had to invert; this adds one per run. Placed right after <see cref="CJKBigramFilter"/> (without
/// its unigrams), whose bigrams of one run overlap by one character.
/// </summary>
internal sealed class RunEndFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;

    private readonly char[] _last = new char[2];
    private int _lastLength;
    private int _lastStart;
    private int _lastEnd;
    private int _nextRunStart = -1;
    private bool _exhausted;

    // A token read to find the end of a run, given out after the run's last character.
    private State? _held;

    public RunEndFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_held is not null)
        {
            RestoreState(_held);
            _held = null;
            Remember();
            return true;
        }

        if (_exhausted || !m_input.IncrementToken())
        {
            _exhausted = true;
            if (_lastLength == 0)
            {
                return false;
            }

            EmitLast();
            return true;
        }

        if (_lastLength > 0 && !ContinuesRun())
        {
            _held = CaptureState();
            EmitLast();
            return true;
        }

        Remember();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _held = null;
        _lastLength = 0;
        _nextRunStart = -1;
        _exhausted = false;
    }

    private bool ContinuesRun() =>
        IsBigram() && _offset.StartOffset == _nextRunStart;

    private bool IsBigram() => string.Equals(_type.Type, CJKBigramFilter.DOUBLE_TYPE, StringComparison.Ordinal);

    // Keeps the second character of a bigram: the run's last one unless the next bigram carries on from it.
    private void Remember()
    {
        if (!IsBigram())
        {
            _lastLength = 0;
            return;
        }

        var buffer = _term.Buffer;
        var first = char.IsHighSurrogate(buffer[0]) && _term.Length > 2 ? 2 : 1;
        _lastLength = _term.Length - first;
        Array.Copy(buffer, first, _last, 0, _lastLength);
        _lastEnd = _offset.EndOffset;
        _lastStart = _lastEnd - _lastLength;
        _nextRunStart = _offset.StartOffset + first;
    }

    private void EmitLast()
    {
        ClearAttributes();
        _term.CopyBuffer(_last, 0, _lastLength);
        _offset.SetOffset(_lastStart, _lastEnd);
        _increment.PositionIncrement = 1;
        _type.Type = CJKBigramFilter.SINGLE_TYPE;
        _lastLength = 0;
    }
}
