using Broadsheet.Core.Model;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>A photo of an article as found on the page, with its caption and credit when there were any.</summary>
internal sealed record DetectedImage(Polygon Polygon, string? Caption, string? Credit);

/// <summary>An article found on one page: its fields, its regions (normalised, top-left origin) and its photos.</summary>
internal sealed record DetectedArticle
{
    public string? Kicker { get; init; }

    public required string Headline { get; init; }

    public string? Subheadline { get; init; }

    public string? Byline { get; init; }

    /// <summary>"本报讯", "新华社北京11月1日电", "GENEVA": lifted off the first paragraph with the byline; the content model has no place for it yet.</summary>
    public string? Dateline { get; init; }

    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The paragraphs that are sub-heads (小标题), by their text; each is also in <see cref="Paragraphs"/>.</summary>
    public IReadOnlyList<string> Subheads { get; init; } = [];

    public ArticleKind Kind { get; init; } = ArticleKind.Story;

    /// <summary>How sure detection is of this article, 0 to 1.</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>What detection doubts about it.</summary>
    public ArticleDoubts Doubts { get; init; }

    /// <summary>Photo news whose headline is its caption's first words, not a title printed for it.</summary>
    public bool HeadlineGuessed { get; init; }

    /// <summary>Where the article is printed; several polygons when its parts do not touch.</summary>
    public IReadOnlyList<Polygon> Regions { get; init; } = [];

    public IReadOnlyList<DetectedImage> Images { get; init; } = [];

    /// <summary>The page label a "转第X版" line sends the reader to.</summary>
    public string? ContinuedTo { get; init; }

    /// <summary>The page label a "上接第X版" line says the article comes from.</summary>
    public string? ContinuedFrom { get; init; }

    /// <summary>Where the headline is, in page points; orders articles and lets tests and tools point at it.</summary>
    public PageBox HeadlineBox { get; init; }

    /// <summary>The headline's type size in points: the page's largest is its lead story (头条).</summary>
    public double HeadlineSize { get; init; }

    /// <summary>
    /// The boxes (page points) the article is made of, the title block first, then its columns and photos;
    /// <see cref="Regions"/> is drawn around them once every article on the page is known.
    /// </summary>
    public IReadOnlyList<PageBox> Parts { get; init; } = [];

    /// <summary>
    /// The article's printed lines on this page with their boxes, in reading order: kicker, headline and subheadline
    /// lines, then the body column by column (joined with <see cref="Script.Join"/> they read as the paragraphs did
    /// before the byline, dateline and jump lines were taken off), then each photo's caption lines.
    /// </summary>
    public IReadOnlyList<ArticleLine> Lines { get; init; } = [];

    public ArticleContent ToContent() => new()
    {
        Kicker = Kicker,
        Headline = Headline,
        Subheadline = Subheadline,
        Byline = Byline,
        Paragraphs = ParagraphKinds.Of(Paragraphs, Subheads, Kind),
        Kind = Kind,
    };
}
