namespace Broadsheet.Core.Model;

/// <summary>What a reader says is wrong with an article.</summary>
public enum ReportKind
{
    /// <summary>这篇文章的区域不对: the article's region on the page image is wrong.</summary>
    WrongRegion = 0,

    /// <summary>文字有误: the text differs from the printed page.</summary>
    WrongText = 1,

    /// <summary>Anything else, said in the note.</summary>
    Other = 2,
}

/// <summary>
/// A reader's flag on an article ("这篇文章的区域不对"), waiting in the desk's queue until someone deals with it.
/// It keeps where the article was read and what the reader wrote, and nothing about the reader.
/// </summary>
public sealed class ReaderReport
{
    /// <summary>The longest note a reader may leave.</summary>
    public const int MaxNoteLength = 500;

    private ReaderReport()
    {
        PageLabel = "";
        Headline = "";
    }

    public ReaderReport(Article article, Page page, int articleNumber, ReportKind kind, string? note, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(articleNumber, 1);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException($"There is no kind of report numbered {(int)kind}.");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text?.Length > MaxNoteLength)
        {
            throw new DomainException($"A note may be at most {MaxNoteLength} characters long.");
        }

        PublicationId = article.Edition.PublicationId;
        ArticleId = article.Id;
        Date = article.Edition.Date;
        EditionNumber = article.Edition.Number;
        PageLabel = page.Label;
        ArticleNumber = articleNumber;
        Headline = article.Headline;
        Kind = kind;
        Note = text;
        CreatedAt = at;
    }

    public int Id { get; private set; }

    public int PublicationId { get; private set; }

    /// <summary>The article as stored when it was flagged; null once that article is gone (merged away, the edition replaced).</summary>
    public int? ArticleId { get; private set; }

    /// <summary>The edition's date, the page and the article's number there: where the reader was, as in the reader's URL.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>Which of the day's editions (2 for an extra, 号外, at <c>{date}_2</c>); 1 for a day's first.</summary>
    public int EditionNumber { get; private set; } = 1;

    public string PageLabel { get; private set; }

    public int ArticleNumber { get; private set; }

    /// <summary>The headline when it was flagged, so the queue still says which article it was after a change.</summary>
    public string Headline { get; private set; }

    public ReportKind Kind { get; private set; }

    /// <summary>What the reader wrote, plain text; null when they only chose a kind.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When someone at the desk dealt with it; null while it waits.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Who dealt with it.</summary>
    public string? ResolvedBy { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    /// <summary>Takes the report off the queue.</summary>
    public void Resolve(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ResolvedBy = by;
        ResolvedAt = at;
    }
}
