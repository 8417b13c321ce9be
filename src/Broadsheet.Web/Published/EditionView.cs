using Broadsheet.Core.Model;

namespace Broadsheet.Web.Published;

/// <summary>
/// A published edition arranged for reading: pages in order, each with the articles that have a region on it
/// (numbered 1.. in edition reading order), and the permalinks of both. The reader and the API share it, so
/// the numbers in URLs are the same everywhere.
/// </summary>
internal sealed class EditionView
{
    private readonly Dictionary<Article, ArticleOnPage> _homes = new(ReferenceEqualityComparer.Instance);
    private readonly List<ArticleOnPage> _readingOrder = [];

    public EditionView(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        Edition = edition;
        var articles = edition.Articles.OrderBy(a => a.Order).ToList();
        var pages = new List<PageView>();
        foreach (var page in edition.Pages.OrderBy(p => p.Order))
        {
            // Numbered as search numbers them (ArticleHomes): the URLs of both must agree.
            var onPage = ArticleHomes.On(edition, page)
                .Select((article, i) => new ArticleOnPage(
                    article,
                    page,
                    i + 1,
                    [.. article.Regions.Where(r => ArticleHomes.IsOn(r, page)).Select(r => r.Polygon)],
                    ReaderUrls.Article(Slug, Date, page.Label, i + 1, Number)));
            var view = new PageView(this, page, pages.Count, [.. onPage]);
            pages.Add(view);
            foreach (var item in view.Articles)
            {
                _homes.TryAdd(item.Article, item);
            }
        }

        Pages = pages;
        _readingOrder.AddRange(articles.Where(_homes.ContainsKey).Select(a => _homes[a]));
        Spreads = PairPages(pages);
    }

    /// <summary>上一期: the published edition before this one, when there is one.</summary>
    public EditionListing? PreviousEdition { get; init; }

    /// <summary>下一期: the published edition after this one, when there is one.</summary>
    public EditionListing? NextEdition { get; init; }

    /// <summary>The HTTP validators of the edition's reader pages; null for views not loaded for a reader page.</summary>
    public EditionStamp? Stamp { get; init; }

    /// <summary>
    /// The edition as printed sheets face each other: page 1 alone, then 2-3, 4-5 …; the last page alone when
    /// the page count is even.
    /// </summary>
    public IReadOnlyList<Spread> Spreads { get; }

    /// <summary>All articles with a page to read them on, in edition reading order.</summary>
    public IReadOnlyList<ArticleOnPage> ReadingOrder => _readingOrder;

    /// <summary>The spread a page is printed on.</summary>
    public Spread SpreadOf(PageView page) => Spreads.First(s => s.Contains(page));

    /// <summary>Finds a two-page spread by its URL segment (<c>02-03</c>, any case), or null.</summary>
    public Spread? FindSpread(string segment) =>
        Spreads.FirstOrDefault(s => s.Right is not null && string.Equals(s.Segment, segment, StringComparison.OrdinalIgnoreCase));

    public Edition Edition { get; }

    public Publication Publication => Edition.Publication;

    public string Slug => Edition.Publication.Slug;

    public DateOnly Date => Edition.Date;

    /// <summary>1 for a day's first edition, 2, 3 … for its later ones (an extra, a second edition).</summary>
    public int Number => Edition.Number;

    /// <summary>The edition's URL segment: its date, or <c>{date}_{n}</c> for a day's later edition.</summary>
    public string Segment => ReaderUrls.Segment(Date, Number);

    /// <summary>
    /// The published editions of this edition's day, this one among them, by number; one when the day has no other.
    /// </summary>
    public IReadOnlyList<EditionListing> SameDay { get; init; } = [];

    public IReadOnlyList<PageView> Pages { get; }

    public PageView? FirstPage => Pages.Count > 0 ? Pages[0] : null;

    public string Url => ReaderUrls.Edition(Slug, Date, Number);

    /// <summary>Finds a page by its label, ignoring case.</summary>
    public PageView? FindPage(string label) =>
        Pages.FirstOrDefault(p => string.Equals(p.Page.Label, label, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The page a label means when it is not written as printed: <c>6</c> for <c>06</c>, <c>a1</c> for <c>A01</c>
    /// (the same letters and the same number); null when none or several pages could be meant.
    /// </summary>
    public PageView? FindPageLoosely(string label)
    {
        if (!TrySplit(label, out var letters, out var number))
        {
            return null;
        }

        var matches = Pages.Where(p => TrySplit(p.Page.Label, out var l, out var n) && n == number
            && string.Equals(l, letters, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;

        static bool TrySplit(string text, out string letters, out int number)
        {
            var digits = text.AsSpan().IndexOfAnyInRange('0', '9');
            letters = digits < 0 ? text : text[..digits];
            number = 0;
            return digits >= 0 && int.TryParse(text.AsSpan(digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
        }
    }

    /// <summary>Where an article is read by default: the first page (in page order) it is printed on.</summary>
    public ArticleOnPage? Home(Article article) =>
        _homes.TryGetValue(article, out var home) ? home : null;

    /// <summary>The article before this one in the edition's reading order, across page boundaries.</summary>
    public ArticleOnPage? Previous(Article article) => Neighbour(article, -1);

    /// <summary>The article after this one in the edition's reading order, across page boundaries.</summary>
    public ArticleOnPage? Next(Article article) => Neighbour(article, +1);

    private ArticleOnPage? Neighbour(Article article, int step)
    {
        var index = _readingOrder.FindIndex(a => ReferenceEquals(a.Article, article));
        var other = index + step;
        return index < 0 || other < 0 || other >= _readingOrder.Count ? null : _readingOrder[other];
    }

    private List<Spread> PairPages(List<PageView> pages)
    {
        var spreads = new List<Spread>();
        for (var i = 0; i < pages.Count;)
        {
            var alone = i == 0 || i == pages.Count - 1;
            spreads.Add(new Spread(this, spreads.Count, pages[i], alone ? null : pages[i + 1]));
            i += alone ? 1 : 2;
        }

        return spreads;
    }
}

/// <summary>A page of an <see cref="EditionView"/> with the articles printed on it, in reading order.</summary>
internal sealed class PageView(EditionView edition, Page page, int index, IReadOnlyList<ArticleOnPage> articles)
{
    public EditionView Edition { get; } = edition;

    public Page Page { get; } = page;

    /// <summary>0-based position among the edition's pages.</summary>
    public int Index { get; } = index;

    public IReadOnlyList<ArticleOnPage> Articles { get; } = articles;

    public string Title => ReaderUrls.PageTitle(Page);

    public string Url => ReaderUrls.Page(Edition.Slug, Edition.Date, Page.Label, Edition.Number);

    /// <summary>The master page image, whose size is <see cref="Core.Model.Page.ImageWidth"/> x <see cref="Core.Model.Page.ImageHeight"/>.</summary>
    public string? ImageUrl => ReaderUrls.Media(Page.ImageKey);

    /// <summary>A derivative of the page image (size thumb, page or large; format jpg or webp), when there are derivatives.</summary>
    public string? Variant(string size, string format) =>
        Page.DerivativesKey is { Length: > 0 } prefix ? ReaderUrls.Media($"{prefix}/{size}.{format}") : null;

    public string? PdfUrl => ReaderUrls.Media(Page.PdfKey);

    /// <summary>
    /// Where the page's IIIF Image 3 tiles would be (<c>{derivatives}/tiles/info.json</c>); whether they exist is
    /// for the deep-zoom viewer to find out, so pages imported before tiles were made still work.
    /// </summary>
    public string? TilesUrl => Page.DerivativesKey is { Length: > 0 } prefix ? ReaderUrls.Media(prefix + "/tiles/info.json") : null;

    public PageView? Previous => Index > 0 ? Edition.Pages[Index - 1] : null;

    public PageView? Next => Index + 1 < Edition.Pages.Count ? Edition.Pages[Index + 1] : null;

    /// <summary>The article numbered <paramref name="n"/> (1-based) on this page.</summary>
    public ArticleOnPage? Article(int n) => n >= 1 && n <= Articles.Count ? Articles[n - 1] : null;
}

/// <summary>Facing pages as printed (通版): a left page and the right one beside it, or one page alone.</summary>
internal sealed class Spread(EditionView edition, int index, PageView left, PageView? right)
{
    public EditionView Edition { get; } = edition;

    /// <summary>0-based position among the edition's spreads.</summary>
    public int Index { get; } = index;

    public PageView Left { get; } = left;

    public PageView? Right { get; } = right;

    public IEnumerable<PageView> Pages => Right is null ? [Left] : [Left, Right];

    /// <summary>"02-03", the last segment of the spread's URL.</summary>
    public string Segment => Right is null ? Left.Page.Label : $"{Left.Page.Label}-{Right.Page.Label}";

    /// <summary>The spread view for two pages; a page alone is read in the page view.</summary>
    public string Url => Right is null ? Left.Url : ReaderUrls.Page(Edition.Slug, Edition.Date, Segment, Edition.Number);

    public Spread? Previous => Index > 0 ? Edition.Spreads[Index - 1] : null;

    public Spread? Next => Index + 1 < Edition.Spreads.Count ? Edition.Spreads[Index + 1] : null;

    public bool Contains(PageView page) => ReferenceEquals(Left, page) || ReferenceEquals(Right, page);
}

/// <summary>An article as found on one page: its number there, its regions on that page and its URL.</summary>
internal sealed record ArticleOnPage(Article Article, Page Page, int N, IReadOnlyList<Polygon> Regions, string Url);
