using Broadsheet.Core.Model;

namespace Broadsheet.Samples.Layout;

// The ground truth of one article, filled in as its parts are composed (on one page or two).
internal sealed class ArticleDraft
{
    public required string Id { get; init; }

    public ArticleKind Kind { get; set; }

    public string? Kicker { get; set; }

    public string Headline { get; set; } = "";

    public string? Subheadline { get; set; }

    public string? Byline { get; set; }

    public string? Dateline { get; set; }

    public List<string> Paragraphs { get; } = [];

    public List<string> Subheads { get; } = [];

    public List<TruthRegion> Regions { get; } = [];

    public List<TruthImage> Images { get; } = [];

    public string? ContinuedToPage { get; set; }

    public string? ContinuedFromPage { get; set; }

    public TruthArticle ToTruth() => new()
    {
        Id = Id,
        Kind = Kind,
        Kicker = Kicker,
        Headline = Headline,
        Subheadline = Subheadline,
        Byline = Byline,
        Dateline = Dateline,
        Paragraphs = [.. Paragraphs],
        Subheads = [.. Subheads],
        Regions = [.. Regions],
        Images = [.. Images],
        ContinuedToPage = ContinuedToPage,
        ContinuedFromPage = ContinuedFromPage,
    };
}
