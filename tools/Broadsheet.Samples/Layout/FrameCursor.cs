namespace Broadsheet.Samples.Layout;

// Hands out line positions down a sequence of columns, moving to the next column when one is full.
internal sealed class FrameCursor
{
    private readonly IReadOnlyList<Frame> _frames;
    private int _index;
    private double _y;

    public FrameCursor(IReadOnlyList<Frame> frames)
    {
        _frames = frames;
        _y = frames.Count > 0 ? frames[0].Top : 0;
    }

    private FrameCursor(IReadOnlyList<Frame> frames, int index, double y, double reserve)
    {
        _frames = frames;
        _index = index;
        _y = y;
        Reserve = reserve;
    }

    // Height kept free at the bottom of the last column (for a jump line such as "（转第3版）").
    public double Reserve { get; set; }

    // True when nothing has been placed in the current column yet.
    public bool AtColumnTop => _index < _frames.Count && _y <= _frames[_index].Top + 0.01;

    public FrameCursor Clone() => new(_frames, _index, _y, Reserve);

    // Takes a line of height; false when the columns are full.
    public bool TryTake(double height, out Frame frame, out double top)
    {
        while (_index < _frames.Count)
        {
            var f = _frames[_index];
            var bottom = f.Bottom - (_index == _frames.Count - 1 ? Reserve : 0);
            if (_y + height <= bottom + 0.01)
            {
                frame = f;
                top = _y;
                _y += height;
                return true;
            }

            _index++;
            if (_index < _frames.Count)
            {
                _y = _frames[_index].Top;
            }
        }

        frame = default;
        top = 0;
        return false;
    }

    // Adds space before the next line unless it would start a column anyway.
    public void Skip(double space)
    {
        if (!AtColumnTop && _index < _frames.Count)
        {
            _y += space;
        }
    }
}
