using Broadsheet.Core.Model;
using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Corpus;

/// <summary>One generated article while it is being written and planted into; <see cref="ToDocument"/> freezes it.</summary>
internal sealed class ArticleDraft
{
    public required int Index { get; init; }

    public required DateOnly Date { get; init; }

    public required string PageLabel { get; init; }

    public required string PageName { get; init; }

    public required int NumberOnPage { get; init; }

    public ArticleKind Kind { get; set; } = ArticleKind.Story;

    public string? Kicker { get; set; }

    public required string Headline { get; set; }

    public string? Subheadline { get; set; }

    public string? Byline { get; set; }

    public List<string> Paragraphs { get; } = [];

    public List<string> Captions { get; } = [];

    public List<string> Credits { get; } = [];

    public ArticleDocument ToDocument() => new()
    {
        ArticleId = Index + 1,
        PublicationSlug = CorpusShape.PublicationSlug,
        PublicationName = CorpusShape.PublicationName,
        Date = Date,
        PageLabel = PageLabel,
        PageName = PageName,
        ArticleNumberOnPage = NumberOnPage,
        Kind = Kind,
        Kicker = Kicker,
        Headline = Headline,
        Subheadline = Subheadline,
        Byline = Byline,
        Body = [.. Paragraphs],
        Captions = [.. Captions],
        Credits = [.. Credits],
    };
}
