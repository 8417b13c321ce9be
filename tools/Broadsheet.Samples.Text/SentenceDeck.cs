namespace Broadsheet.Samples.Text;

// The sentences one article is written from: its theme's sentences in a shuffled order, then (when a long
// article has used them all) those again mixed with another theme's, so a column rarely repeats itself.
internal sealed class SentenceDeck
{
    private readonly TextGenerator _text;
    private readonly NewsTheme _theme;
    private readonly IReadOnlyList<NewsTheme> _others;
    private readonly bool _english;
    private readonly Queue<string> _queue = new();

    public SentenceDeck(TextGenerator text, NewsTheme theme, IReadOnlyList<NewsTheme> others, bool english)
    {
        _text = text;
        _theme = theme;
        _others = others;
        _english = english;
        Refill(first: true);
    }

    public NewsTheme Theme => _theme;

    public bool English => _english;

    public string Next()
    {
        if (_queue.Count == 0)
        {
            Refill(first: false);
        }

        return _text.Fill(_queue.Dequeue(), _english);
    }

    // A paragraph of count sentences, as separate strings so it can be shortened to fit.
    public List<string> Paragraph(int count)
    {
        var sentences = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            sentences.Add(Next());
        }

        return sentences;
    }

    public string Join(IEnumerable<string> sentences) => string.Join(_english ? " " : "", sentences);

    private void Refill(bool first)
    {
        var pool = new List<string>(_theme.Sentences);
        if (!first && _others.Count > 0)
        {
            pool.AddRange(_text.Pick(_others).Sentences);
        }

        _text.Random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pool));
        foreach (var sentence in pool)
        {
            _queue.Enqueue(sentence);
        }
    }
}
