namespace Broadsheet.Core.Model;

/// <summary>Where an edition is in its life: drafts and scheduled editions are not shown to readers.</summary>
public enum EditionStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Withdrawn = 3,
}

/// <summary>One day's paper (or one of several editions that day): its pages and articles.</summary>
public sealed class Edition
{
    private readonly List<Page> _pages = [];
    private readonly List<Article> _articles = [];

    private Edition()
    {
    }

    /// <summary>Creates a draft edition of <paramref name="publication"/> for <paramref name="date"/>, a date in the publication's time zone.</summary>
    public Edition(Publication publication, DateOnly date, int number = 1)
    {
        ArgumentNullException.ThrowIfNull(publication);
        if (number < 1)
        {
            throw new DomainException($"Edition number must be 1 or more, not {number}.");
        }

        Publication = publication;
        PublicationId = publication.Id;
        Date = date;
        Number = number;
    }

    public int Id { get; private set; }

    public int PublicationId { get; private set; }

    public Publication Publication { get; private set; } = null!;

    /// <summary>The date printed on the paper, in the publication's time zone.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>1 for the only (or first) edition of a day.</summary>
    public int Number { get; private set; } = 1;

    /// <summary>The running issue number printed on the masthead (总第N期), when known.</summary>
    public int? IssueNumber { get; set; }

    public EditionStatus Status { get; private set; }

    /// <summary>When it was (or is to be) published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the desk last changed the edition after it was made (an article corrected, a region moved); null if never.</summary>
    public DateTimeOffset? ChangedAt { get; private set; }

    public IReadOnlyList<Page> Pages => _pages;

    /// <summary>Articles in edition reading order (page by page, then reading order within the page).</summary>
    public IReadOnlyList<Article> Articles => _articles;

    public bool IsVisibleToReaders => Status == EditionStatus.Published;

    public Page AddPage(string label, string name, PageSize size)
    {
        var trimmed = PageLabel.Normalise(label);
        if (_pages.Exists(p => string.Equals(p.Label, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"Page label '{trimmed}' appears twice in the edition of {Date:yyyy-MM-dd}.");
        }

        var page = new Page(this, trimmed, _pages.Count + 1, name, size);
        _pages.Add(page);
        return page;
    }

    public Article AddArticle(ArticleContent content)
    {
        var article = new Article(this, _articles.Count + 1, content);
        _articles.Add(article);
        return article;
    }

    /// <summary>Adds an article right after <paramref name="after"/> in reading order (first when null).</summary>
    public Article InsertArticle(ArticleContent content, Article? after)
    {
        if (after is not null)
        {
            EnsureOwn(after);
        }

        SortByOrder();
        var created = new Article(this, 0, content);
        _articles.Insert(after is null ? 0 : _articles.IndexOf(after) + 1, created);
        Renumber();
        return created;
    }

    /// <summary>Takes <paramref name="article"/> out of the edition, with its regions and photos.</summary>
    public void DeleteArticle(Article article)
    {
        EnsureOwn(article);
        _articles.Remove(article);
        Renumber();
    }

    /// <summary>Moves <paramref name="article"/> to place <paramref name="order"/> (1-based) in the edition's reading order.</summary>
    public void MoveArticle(Article article, int order)
    {
        EnsureOwn(article);
        SortByOrder();
        _articles.Remove(article);
        _articles.Insert(Math.Clamp(order - 1, 0, _articles.Count), article);
        Renumber();
    }

    /// <summary>Gives <paramref name="image"/> to <paramref name="to"/>, with its caption and credit.</summary>
    public ArticleImage MoveImage(ArticleImage image, Article to)
    {
        ArgumentNullException.ThrowIfNull(image);
        EnsureOwn(image.Article);
        EnsureOwn(to);
        image.Article.RemoveImage(image);
        return to.AddImage(image.Page, image.Polygon, image.Caption, image.Credit);
    }

    /// <summary>Puts the articles in the order <paramref name="ordered"/> gives (every article of the edition, each once).</summary>
    internal void Reorder(IReadOnlyList<Article> ordered)
    {
        if (ordered.Count != _articles.Count || ordered.Any(a => !_articles.Contains(a)))
        {
            throw new DomainException("The new reading order must hold every article of the edition once.");
        }

        _articles.Clear();
        _articles.AddRange(ordered);
        Renumber();
    }

    public Page? FindPage(string label) =>
        _pages.Find(p => string.Equals(p.Label, label, StringComparison.OrdinalIgnoreCase));

    public void MarkCreated(DateTimeOffset at) => CreatedAt = at;

    public void MarkChanged(DateTimeOffset at) => ChangedAt = at;

    public void Publish(DateTimeOffset at)
    {
        if (_pages.Count == 0)
        {
            throw new DomainException($"The edition of {Date:yyyy-MM-dd} has no pages and cannot be published.");
        }

        Status = EditionStatus.Published;
        PublishedAt = at;
    }

    public void Schedule(DateTimeOffset at)
    {
        if (Status == EditionStatus.Published)
        {
            throw new DomainException($"The edition of {Date:yyyy-MM-dd} is already published.");
        }

        Status = EditionStatus.Scheduled;
        PublishedAt = at;
    }

    /// <summary>Takes a published edition away from readers; it can be published again.</summary>
    public void Withdraw()
    {
        if (Status != EditionStatus.Published)
        {
            throw new DomainException($"The edition of {Date:yyyy-MM-dd} is not published, so it cannot be withdrawn.");
        }

        Status = EditionStatus.Withdrawn;
    }

    /// <summary>Cancels a schedule: the edition goes back to being a draft.</summary>
    public void Unschedule()
    {
        if (Status != EditionStatus.Scheduled)
        {
            throw new DomainException($"The edition of {Date:yyyy-MM-dd} is not scheduled.");
        }

        Status = EditionStatus.Draft;
        PublishedAt = null;
    }

    /// <summary>
    /// Merges <paramref name="absorbed"/> into <paramref name="kept"/>: its paragraphs follow the kept article's, its
    /// regions and photos become the kept article's, and it leaves the edition. Returns the removed article.
    /// </summary>
    public Article MergeArticles(Article kept, Article absorbed)
    {
        EnsureOwn(kept);
        EnsureOwn(absorbed);
        if (ReferenceEquals(kept, absorbed))
        {
            throw new DomainException("An article cannot be merged with itself.");
        }

        kept.Absorb(absorbed);
        _articles.Remove(absorbed);
        Renumber();
        return absorbed;
    }

    /// <summary>
    /// Splits <paramref name="article"/> before paragraph <paramref name="atParagraph"/> (0-based): the paragraphs
    /// from there on become a new article headed <paramref name="headline"/>, placed right after it in reading
    /// order. The new article has no region until the desk draws one.
    /// </summary>
    public Article SplitArticle(Article article, int atParagraph, string headline)
    {
        EnsureOwn(article);
        if (atParagraph < 1 || atParagraph >= article.Paragraphs.Count)
        {
            throw new DomainException(
                $"'{article.Headline}' can be split only between two of its {article.Paragraphs.Count} paragraphs, not before paragraph {atParagraph + 1}.");
        }

        var moved = article.Body.GetRange(atParagraph, article.Body.Count - atParagraph);
        article.Body.RemoveRange(atParagraph, moved.Count);
        var created = new Article(this, 0, new ArticleContent { Headline = headline, Paragraphs = moved });
        SortByOrder();
        _articles.Insert(_articles.IndexOf(article) + 1, created);
        Renumber();
        return created;
    }

    /// <summary>Moves <paramref name="count"/> paragraphs from <paramref name="start"/> of one article to the end of another.</summary>
    public void MoveParagraphs(Article from, int start, int count, Article to)
    {
        EnsureOwn(from);
        EnsureOwn(to);
        if (ReferenceEquals(from, to))
        {
            throw new DomainException("Choose another article to move the text to.");
        }

        if (count < 1 || start < 0 || start + count > from.Paragraphs.Count)
        {
            throw new DomainException($"'{from.Headline}' has {from.Paragraphs.Count} paragraphs; paragraphs {start + 1} to {start + count} are not all there.");
        }

        var moved = from.Body.GetRange(start, count);
        from.Body.RemoveRange(start, count);
        to.Body.AddRange(moved);
    }

    private void EnsureOwn(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!_articles.Contains(article))
        {
            throw new DomainException($"'{article.Headline}' is not an article of the edition of {Date:yyyy-MM-dd}.");
        }
    }

    // Loaded from a database, the list comes in whatever order the query returned.
    private void SortByOrder() => _articles.Sort((a, b) => a.Order.CompareTo(b.Order));

    private void Renumber()
    {
        for (var i = 0; i < _articles.Count; i++)
        {
            _articles[i].SetOrder(i + 1);
        }
    }
}
