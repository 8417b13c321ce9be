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
    private readonly IPositionLengthAttribute _length;

    private readonly char[] _last = new char[2];
    private int _lastLength;
    private int _lastStart;
    private int _lastEnd;
    private int _nextRunStart = -1;
    private bool _exhausted;

    // A token read to find the end of a run, given out after the run's last character. Its attributes are kept
    // by hand: capturing the whole state clones every attribute of the chain, and that was a tenth of a build.
    private readonly HeldToken _held = new();

    public RunEndFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_held.IsSet)
        {
            _held.Restore(this);
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
            _held.Hold(this);
            EmitLast();
            return true;
        }

        Remember();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _held.IsSet = false;
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
        _last[0] = buffer[first];
        if (_lastLength == 2)
        {
            _last[1] = buffer[first + 1];
        }

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

    // Every attribute set before this filter in BigramAnalyzer's chain (the later filters set theirs afterwards).
    private sealed class HeldToken
    {
        private char[] _term = new char[16];
        private int _termLength;
        private int _start;
        private int _end;
        private int _increment;
        private int _positionLength;
        private string _type = "";

        public bool IsSet { get; set; }

        public void Hold(RunEndFilter filter)
        {
            _termLength = filter._term.Length;
            if (_term.Length < _termLength)
            {
                _term = new char[filter._term.Buffer.Length];
            }

            filter._term.Buffer.AsSpan(0, _termLength).CopyTo(_term);
            _start = filter._offset.StartOffset;
            _end = filter._offset.EndOffset;
            _increment = filter._increment.PositionIncrement;
            _positionLength = filter._length.PositionLength;
            _type = filter._type.Type;
            IsSet = true;
        }

        public void Restore(RunEndFilter filter)
        {
            filter.ClearAttributes();
            filter._term.CopyBuffer(_term, 0, _termLength);
            filter._offset.SetOffset(_start, _end);
            filter._increment.PositionIncrement = _increment;
            filter._length.PositionLength = _positionLength;
            filter._type.Type = _type;
            IsSet = false;
        }
    }
}
