using Broadsheet.Core.Model;

namespace Broadsheet.Search;

/// <summary>
/// One article as the search index sees it: its text and everything a hit needs to link to the reader
/// (<c>/{pub}/{date}/{page}/{n}</c>) without a database round trip.
/// </summary>
public sealed record ArticleDocument
{
    /// <summary>The article's database id; the index holds at most one document per id.</summary>
    public required int ArticleId { get; init; }

    public required string PublicationSlug { get; init; }

    public required string PublicationName { get; init; }

    /// <summary>The edition's date in the publication's time zone.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>1 for the only (or first) edition of a day.</summary>
    public int EditionNumber { get; init; } = 1;

    /// <summary>Label of the page the article starts on (01, A01 …).</summary>
    public required string PageLabel { get; init; }

    /// <summary>Name of that page (头版, 平安贵阳 …); searches can be filtered and faceted by it.</summary>
    public string PageName { get; init; } = "";

    /// <summary>1-based position of the article among the articles of its page, the <c>n</c> of the reader URL.</summary>
    public required int ArticleNumberOnPage { get; init; }

    public ArticleKind Kind { get; init; } = ArticleKind.Story;

    public string? Kicker { get; init; }

    public required string Headline { get; init; }

    public string? Subheadline { get; init; }

    public string? Byline { get; init; }

    /// <summary>Body paragraphs in reading order.</summary>
    public IReadOnlyList<string> Body { get; init; } = [];

    /// <summary>Photo captions.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>Photo credits ("记者 王芳 摄"); searched with the byline so <c>author:</c> finds photographers too.</summary>
    public IReadOnlyList<string> Credits { get; init; } = [];

    /// <summary>
    /// Builds the search view of <paramref name="article"/>, which starts on <paramref name="page"/> as its
    /// <paramref name="numberOnPage"/>-th article.
    /// </summary>
    public static ArticleDocument From(Article article, Page page, int numberOnPage)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(numberOnPage, 1);
        var edition = article.Edition ?? page.Edition;
        return new ArticleDocument
        {
            ArticleId = article.Id,
            PublicationSlug = edition.Publication.Slug,
            PublicationName = edition.Publication.Name,
            Date = edition.Date,
            EditionNumber = edition.Number,
            PageLabel = page.Label,
            PageName = page.Name,
            ArticleNumberOnPage = numberOnPage,
            Kind = article.Kind,
            Kicker = article.Kicker,
            Headline = article.Headline,
            Subheadline = article.Subheadline,
            Byline = article.Byline,
            Body = [.. article.Paragraphs],
            Captions = [.. article.Images.Select(i => i.Caption).OfType<string>()],
            Credits = [.. article.Images.Select(i => i.Credit).OfType<string>()],
        };
    }
}
