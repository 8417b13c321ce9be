using System.Text;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Layout;

/// <summary>The part of an article a piece of its text sits in.</summary>
internal enum TextField
{
    Kicker,
    Headline,
    Subheadline,
    Byline,
    Paragraph,
    Caption,
    Credit,
}

/// <summary>
/// An article's text as one run of characters without white space (kicker, headline, subheadline, byline,
/// paragraphs, captions, credits), each character traced back to its field and place, so printed lines can be
/// found in it and taken out of it.
/// </summary>
internal sealed class ArticleText
{
    private readonly List<(TextField Field, int Index, string Text)> _segments = [];
    private readonly List<(int Segment, int Position)> _origin = [];

    public ArticleText(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Article = article;
        Add(TextField.Kicker, 0, article.Kicker);
        Add(TextField.Headline, 0, article.Headline);
        Add(TextField.Subheadline, 0, article.Subheadline);
        Add(TextField.Byline, 0, article.Byline);
        for (var i = 0; i < article.Paragraphs.Count; i++)
        {
            Add(TextField.Paragraph, i, article.Paragraphs[i]);
        }

        var images = article.Images.OrderBy(i => i.Id).ToList();
        for (var i = 0; i < images.Count; i++)
        {
            Add(TextField.Caption, i, images[i].Caption);
            Add(TextField.Credit, i, images[i].Credit);
        }

        Normal = Build();
    }

    public Article Article { get; }

    /// <summary>Every character of the article's text but white space, fields one after another.</summary>
    public string Normal { get; }

    /// <summary>The field the character at <paramref name="at"/> of <see cref="Normal"/> lies in.</summary>
    public TextField FieldAt(int at) => _segments[_origin[at].Segment].Field;

    /// <summary>The field and its index (a paragraph's or a photo's, else 0) the character at <paramref name="at"/> lies in.</summary>
    public (TextField Field, int Index) PlaceAt(int at) => (_segments[_origin[at].Segment].Field, _segments[_origin[at].Segment].Index);

    /// <summary>How many characters (white space aside) paragraph <paramref name="index"/> has.</summary>
    public int ParagraphLength(int index) => _segments.Where(s => s.Field == TextField.Paragraph && s.Index == index).Sum(s => LineText.Normal(s.Text).Length);

    /// <summary>
    /// Where <paramref name="key"/> (a line's <see cref="LineText.Key"/>) is in the text, searching from
    /// <paramref name="from"/> first and then from the start; a line printed with a few characters the text no
    /// longer has (a dateline taken off with the byline) is found by its longest piece of at least 60%.
    /// </summary>
    public (int Start, int Length)? Find(string key, int from = 0)
    {
        if (key.Length == 0)
        {
            return null;
        }

        var exact = Search(key, from);
        if (exact >= 0)
        {
            return (exact, key.Length);
        }

        var least = Math.Max(2, (int)Math.Ceiling(key.Length * 0.6));
        for (var length = key.Length - 1; length >= least; length--)
        {
            for (var start = 0; start + length <= key.Length; start++)
            {
                var at = Search(key.Substring(start, length), from);
                if (at >= 0)
                {
                    return (at, length);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Takes the characters in <paramref name="ranges"/> (of <see cref="Normal"/>) out of the article: a paragraph
    /// cut in its middle becomes two, an emptied paragraph goes, an emptied field is cleared. A headline taken
    /// away whole leaves <paramref name="untitled"/> in its place.
    /// </summary>
    public void Remove(IEnumerable<(int Start, int Length)> ranges, string untitled)
    {
        var cut = new HashSet<(int Segment, int Position)>();
        foreach (var (start, length) in ranges)
        {
            for (var i = start; i < start + length && i < _origin.Count; i++)
            {
                cut.Add(_origin[i]);
            }
        }

        if (cut.Count == 0)
        {
            return;
        }

        string? Rest(int segment) => Pieces(segment, cut) is { Count: > 0 } pieces ? string.Concat(pieces).Trim() : null;
        var paragraphs = new List<Paragraph>();
        string? kicker = Article.Kicker, headline = Article.Headline, subheadline = Article.Subheadline, byline = Article.Byline;
        var captions = new Dictionary<int, (string? Caption, string? Credit)>();
        for (var s = 0; s < _segments.Count; s++)
        {
            var (field, index, text) = _segments[s];
            var touched = cut.Any(c => c.Segment == s);
            switch (field)
            {
                case TextField.Kicker: kicker = touched ? Rest(s) : kicker; break;
                case TextField.Headline: headline = touched ? Rest(s) : headline; break;
                case TextField.Subheadline: subheadline = touched ? Rest(s) : subheadline; break;
                case TextField.Byline: byline = touched ? Rest(s) : byline; break;
                case TextField.Paragraph:
                    // What is left of a sub-head is still a sub-head; a cut paragraph's pieces keep its kind.
                    var source = Article.Body[index];
                    paragraphs.AddRange(touched ? Pieces(s, cut).Select(p => p.Trim()).Where(p => p.Length > 0).Select(source.WithText) : [source]);
                    break;
                case TextField.Caption or TextField.Credit:
                    var (caption, credit) = captions.GetValueOrDefault(index, (ImageAt(index).Caption, ImageAt(index).Credit));
                    captions[index] = field == TextField.Caption ? (touched ? Rest(s) : caption, credit) : (caption, touched ? Rest(s) : credit);
                    break;
            }
        }

        // Paragraphs the article had and the run skipped (blank ones are not in the run) are kept by position above.
        Article.Apply(new ArticleContent
        {
            Kicker = kicker,
            Headline = string.IsNullOrWhiteSpace(headline) ? untitled : headline,
            Subheadline = subheadline,
            Byline = byline,
            Paragraphs = paragraphs,
            Kind = Article.Kind,
        });
        foreach (var (index, (caption, credit)) in captions)
        {
            ImageAt(index).Describe(caption, credit);
        }
    }

    /// <summary>The parts of segment <paramref name="segment"/> left between the cut characters.</summary>
    private List<string> Pieces(int segment, HashSet<(int Segment, int Position)> cut)
    {
        var text = _segments[segment].Text;
        var pieces = new List<string>();
        var piece = new StringBuilder();
        var cutting = false;
        for (var i = 0; i < text.Length; i++)
        {
            var isCut = cut.Contains((segment, i)) || (cutting && char.IsWhiteSpace(text[i]));
            if (isCut)
            {
                if (!cutting && piece.Length > 0)
                {
                    pieces.Add(piece.ToString());
                    piece.Clear();
                }

                cutting = true;
                continue;
            }

            cutting = false;
            piece.Append(text[i]);
        }

        if (piece.Length > 0)
        {
            pieces.Add(piece.ToString());
        }

        return [.. pieces.Where(p => !string.IsNullOrWhiteSpace(p))];
    }

    private ArticleImage ImageAt(int index) => Article.Images.OrderBy(i => i.Id).ElementAt(index);

    private int Search(string key, int from)
    {
        if (from > 0 && from < Normal.Length)
        {
            var after = Normal.IndexOf(key, from, StringComparison.Ordinal);
            if (after >= 0)
            {
                return after;
            }
        }

        return Normal.IndexOf(key, StringComparison.Ordinal);
    }

    private void Add(TextField field, int index, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _segments.Add((field, index, text));
        }
    }

    private string Build()
    {
        var normal = new StringBuilder();
        for (var s = 0; s < _segments.Count; s++)
        {
            var text = _segments[s].Text;
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsWhiteSpace(text[i]) && text[i] != '\u00AD')
                {
                    normal.Append(text[i]);
                    _origin.Add((s, i));
                }
            }
        }

        return normal.ToString();
    }
}
