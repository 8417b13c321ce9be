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

    public Page? FindPage(string label) =>
        _pages.Find(p => string.Equals(p.Label, label, StringComparison.OrdinalIgnoreCase));

    public void MarkCreated(DateTimeOffset at) => CreatedAt = at;

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

    public void Withdraw() => Status = EditionStatus.Withdrawn;
}
