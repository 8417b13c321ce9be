namespace Broadsheet.Core.Model;

/// <summary>What kind of item an article is; readers see photo news, advertisements and notices marked.</summary>
public enum ArticleKind
{
    Story = 0,
    PhotoNews = 1,
    Briefs = 2,
    Advertisement = 3,

    /// <summary>A paid or official notice (公告, 启事, 声明, legal notices): shown on the page, kept out of search like advertisements.</summary>
    Notice = 4,
}

/// <summary>The text fields of an article, as detected or as an editor corrected them.</summary>
public sealed record ArticleContent
{
    public string? Kicker { get; init; }

    public required string Headline { get; init; }

    public string? Subheadline { get; init; }

    public string? Byline { get; init; }

    /// <summary>The text's paragraphs with their kinds; a string converts to a body paragraph.</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];

    public ArticleKind Kind { get; init; } = ArticleKind.Story;
}

/// <summary>A story (or photo, brief column, advertisement) in an edition, with its regions on one or more pages.</summary>
public sealed class Article
{
    private readonly List<ArticleRegion> _regions = [];
    private readonly List<ArticleImage> _images = [];
    private ParagraphTexts? _texts;

    private Article()
    {
        Headline = "";
    }

    internal Article(Edition edition, int order, ArticleContent content)
    {
        Edition = edition;
        Order = order;
        Headline = "";
        Apply(content);
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public Edition Edition { get; private set; } = null!;

    /// <summary>1-based position in the whole edition's reading order.</summary>
    public int Order { get; private set; }

    /// <summary>引题: the line above the headline.</summary>
    public string? Kicker { get; private set; }

    /// <summary>主题: the headline.</summary>
    public string Headline { get; private set; }

    /// <summary>副题: the line below the headline.</summary>
    public string? Subheadline { get; private set; }

    /// <summary>作者: who wrote it, lifted out of the body's first line where it was printed there.</summary>
    public string? Byline { get; private set; }

    /// <summary>The text as printed: paragraphs with their kinds (body, sub-head, caption, credit) and run-in titles.</summary>
    public List<Paragraph> Body { get; private set; } = [];

    /// <summary>The paragraphs' texts, for everything that reads the text without its hierarchy (search, excerpts, diffs).</summary>
    public IReadOnlyList<string> Paragraphs => _texts ??= new ParagraphTexts(this);

    public ArticleKind Kind { get; private set; }

    /// <summary>更正: a public note the desk added after publication, as sanitised HTML; null when there is none.</summary>
    public string? CorrectionNote { get; private set; }

    /// <summary>When the correction note was last set.</summary>
    public DateTimeOffset? CorrectedAt { get; private set; }

    /// <summary>How sure detection was of this article, 0 to 1; 1 for articles a person made or checked.</summary>
    public double Confidence { get; private set; } = 1;

    /// <summary>What detection doubted about this article; none once a person has checked it.</summary>
    public ArticleDoubts Doubts { get; private set; }

    /// <summary>A person has looked at the article since it was detected: the desk lists it as needing a look no more.</summary>
    public bool Checked { get; private set; }

    public IReadOnlyList<ArticleRegion> Regions => _regions;

    public IReadOnlyList<ArticleImage> Images => _images;

    /// <summary>The title a reader sees in lists: the headline, or for untitled photo news the caption's start.</summary>
    public string DisplayTitle => Headline;

    public void Apply(ArticleContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(content.Headline))
        {
            throw new DomainException("An article needs a headline.");
        }

        Kicker = Blank(content.Kicker);
        Headline = content.Headline.Trim();
        Subheadline = Blank(content.Subheadline);
        Byline = Blank(content.Byline);
        Body = [.. content.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p.Text))];
        Kind = content.Kind;
    }

    /// <summary>Adds a region on <paramref name="page"/>, which must belong to the same edition.</summary>
    public ArticleRegion AddRegion(Page page, Polygon polygon)
    {
        ArgumentNullException.ThrowIfNull(page);
        EnsureSameEdition(page);
        var region = new ArticleRegion(this, page, polygon);
        _regions.Add(region);
        return region;
    }

    public ArticleImage AddImage(Page page, Polygon polygon, string? caption, string? credit)
    {
        ArgumentNullException.ThrowIfNull(page);
        EnsureSameEdition(page);
        var image = new ArticleImage(this, page, polygon, caption, credit);
        _images.Add(image);
        return image;
    }

    /// <summary>Replaces every region of this article on <paramref name="page"/> with <paramref name="polygons"/> (none removes them).</summary>
    public void ReplaceRegions(Page page, IEnumerable<Polygon> polygons)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(polygons);
        EnsureSameEdition(page);
        _regions.RemoveAll(r => ArticleHomes.IsOn(r, page));
        foreach (var polygon in polygons)
        {
            _regions.Add(new ArticleRegion(this, page, polygon));
        }
    }

    /// <summary>Sets (or with null or blank, removes) the public correction note, already sanitised by the caller.</summary>
    public void SetCorrectionNote(string? html, DateTimeOffset at)
    {
        CorrectionNote = string.IsNullOrWhiteSpace(html) ? null : html.Trim();
        CorrectedAt = CorrectionNote is null ? null : at;
    }

    /// <summary>Records what detection thought of the article as it was found.</summary>
    public void SetDetection(double confidence, ArticleDoubts doubts)
    {
        Confidence = Math.Clamp(confidence, 0, 1);
        Doubts = doubts;
    }

    /// <summary>A person has looked at the article: detection's doubts no longer apply.</summary>
    public void MarkChecked()
    {
        Confidence = 1;
        Doubts = ArticleDoubts.None;
        Checked = true;
    }

    internal void SetOrder(int order) => Order = order;

    /// <summary>Inserts <paramref name="paragraphs"/> before paragraph <paramref name="at"/> (0-based; the count appends).</summary>
    public void InsertParagraphs(int at, IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        Body.InsertRange(Math.Clamp(at, 0, Body.Count), paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new Paragraph(p.Trim())));
    }

    /// <summary>Removes <paramref name="image"/> from the article (its caption goes with it).</summary>
    public void RemoveImage(ArticleImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!_images.Remove(image))
        {
            throw new DomainException($"The photo is not one of '{Headline}''s.");
        }
    }

    /// <summary>Replaces every region and photo of the article, as an undo restores them.</summary>
    internal void RestoreLayout(IEnumerable<(Page Page, Polygon Polygon)> regions, IEnumerable<(Page Page, Polygon Polygon, string? Caption, string? Credit)> images)
    {
        _regions.Clear();
        _regions.AddRange(regions.Select(r => new ArticleRegion(this, r.Page, r.Polygon)));
        _images.Clear();
        _images.AddRange(images.Select(i => new ArticleImage(this, i.Page, i.Polygon, i.Caption, i.Credit)));
    }

    /// <summary>Restores the public correction note and when it was set, as an undo does.</summary>
    internal void RestoreCorrection(string? note, DateTimeOffset? at)
    {
        CorrectionNote = note;
        CorrectedAt = note is null ? null : at;
    }

    /// <summary>Restores what detection thought and whether a person had checked it, as an undo does.</summary>
    internal void RestoreDetection(double confidence, ArticleDoubts doubts, bool isChecked)
    {
        SetDetection(confidence, doubts);
        Checked = isChecked;
    }

    /// <summary>Moves every region and photo of <paramref name="other"/> to this article and appends its paragraphs.</summary>
    internal void Absorb(Article other)
    {
        Body.AddRange(other.Body);
        foreach (var region in other._regions)
        {
            _regions.Add(new ArticleRegion(this, region.Page, region.Polygon));
        }

        foreach (var image in other._images)
        {
            var moved = new ArticleImage(this, image.Page, image.Polygon, image.Caption, image.Credit);
            if (image.PhotoKey is { } key)
            {
                moved.SetPhoto(key, image.PhotoWidth, image.PhotoHeight);
            }

            _images.Add(moved);
        }

        other._regions.Clear();
        other._images.Clear();
        other.Body.Clear();
    }

    /// <summary>True when any of this article's regions lies on <paramref name="page"/>.</summary>
    public bool IsOn(Page page) => _regions.Exists(r => ReferenceEquals(r.Page, page) || (r.PageId != 0 && r.PageId == page.Id));

    private void EnsureSameEdition(Page page)
    {
        if (!ReferenceEquals(page.Edition, Edition) && (page.EditionId == 0 || page.EditionId != EditionId))
        {
            throw new DomainException($"Page {page.Label} belongs to another edition than article '{Headline}'.");
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The texts of <see cref="Body"/> as a live list, without copying them on every read.</summary>
    private sealed class ParagraphTexts(Article article) : IReadOnlyList<string>
    {
        public int Count => article.Body.Count;

        public string this[int index] => article.Body[index].Text;

        public IEnumerator<string> GetEnumerator() => article.Body.Select(p => p.Text).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Where (part of) an article is printed: a polygon on one page.</summary>
public sealed class ArticleRegion
{
    private ArticleRegion()
    {
        Polygon = null!;
    }

    internal ArticleRegion(Article article, Page page, Polygon polygon)
    {
        Article = article;
        Page = page;
        Polygon = polygon ?? throw new ArgumentNullException(nameof(polygon));
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article Article { get; private set; } = null!;

    public int PageId { get; private set; }

    public Page Page { get; private set; } = null!;

    public Polygon Polygon { get; private set; }
}

/// <summary>A photo or graphic of an article, with its caption and credit ("…/摄").</summary>
public sealed class ArticleImage
{
    private ArticleImage()
    {
        Polygon = null!;
    }

    internal ArticleImage(Article article, Page page, Polygon polygon, string? caption, string? credit)
    {
        Article = article;
        Page = page;
        Polygon = polygon ?? throw new ArgumentNullException(nameof(polygon));
        Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        Credit = string.IsNullOrWhiteSpace(credit) ? null : credit.Trim();
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article Article { get; private set; } = null!;

    public int PageId { get; private set; }

    public Page Page { get; private set; } = null!;

    /// <summary>Where the photo is printed on its page.</summary>
    public Polygon Polygon { get; private set; }

    public string? Caption { get; private set; }

    public string? Credit { get; private set; }

    /// <summary>Moves or re-crops the photo: <paramref name="polygon"/> is where it is printed now.</summary>
    public void Reframe(Polygon polygon) => Polygon = polygon ?? throw new ArgumentNullException(nameof(polygon));

    /// <summary>
    /// Key prefix of the photo's own images (<c>{prefix}/page.webp</c>, <c>large.jpg</c> … as a page's derivatives
    /// are named), taken from the PDF's embedded image or cut from the page raster at import; null for photos
    /// imported before photos had images of their own (the reader then crops the page image).
    /// </summary>
    public string? PhotoKey { get; private set; }

    /// <summary>Width in pixels of the photo's largest image; 0 without one.</summary>
    public int PhotoWidth { get; private set; }

    /// <summary>Height in pixels of the photo's largest image; 0 without one.</summary>
    public int PhotoHeight { get; private set; }

    /// <summary>Gives the photo its own images, stored under <paramref name="key"/>, the largest <paramref name="width"/> x <paramref name="height"/>.</summary>
    public void SetPhoto(string key, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        PhotoKey = key;
        PhotoWidth = width;
        PhotoHeight = height;
    }

    /// <summary>Corrects the caption and credit; blank removes either.</summary>
    public void Describe(string? caption, string? credit)
    {
        Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        Credit = string.IsNullOrWhiteSpace(credit) ? null : credit.Trim();
    }
}
