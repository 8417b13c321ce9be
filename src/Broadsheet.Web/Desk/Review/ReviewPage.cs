using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Doubts;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Desk.Review;

/// <summary>An article as the review page lists it: its number and colour on the page, its regions here, the other pages it is printed on, and its doubts.</summary>
internal sealed record ReviewArticle(Article Article, int Number, int Colour, IReadOnlyList<Polygon> Regions, IReadOnlyList<Page> OtherPages, IReadOnlyList<Doubt> Doubts)
{
    public bool Unplaced => Article.Regions.Count == 0;

    /// <summary>Where the article's number and headline sit on the page: its first region's top-left corner.</summary>
    public (double X, double Y)? LabelAt => Regions.Count == 0 ? null : Regions.Select(r => r.Bounds).Select(b => (b.Left, b.Top)).OrderBy(p => p.Top).ThenBy(p => p.Left).First();
}

/// <summary>
/// Everything the review page shows of one page, and what its script needs: the articles numbered and coloured,
/// what needs a look, the printed lines and blocks with who holds each, photos, and where regions overlap.
/// </summary>
internal sealed class ReviewPage
{
    /// <summary>Distinct enough to tell a dozen neighbouring articles apart; the page's articles take them in reading order.</summary>
    public const int Colours = 12;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public ReviewPage(PageAnalysis analysis, IReadOnlyList<Doubt> doubts)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Analysis = analysis;
        Doubts = doubts;
        var current = analysis.Page;
        var edition = analysis.Edition;
        var onPage = analysis.Articles;
        Articles =
        [
            .. onPage.Select((a, i) => new ReviewArticle(
                a,
                i + 1,
                i % Colours,
                [.. analysis.RegionsOf(a)],
                [.. edition.Pages.Where(p => p.Id != current.Id && a.IsOn(p)).OrderBy(p => p.Order)],
                [.. doubts.Where(d => ReferenceEquals(d.Article, a))])),
            .. edition.Articles.Where(a => a.Regions.Count == 0).OrderBy(a => a.Order)
                .Select(a => new ReviewArticle(a, 0, 0, [], [], [.. doubts.Where(d => ReferenceEquals(d.Article, a))])),
        ];
        Overlaps = [.. doubts.Where(d => d.Kind == DoubtKind.Overlap && d.Other is not null)
            .SelectMany(d => analysis.GridOf(d.Article!).Intersect(analysis.GridOf(d.Other!)).ToPolygons())];
    }

    public PageAnalysis Analysis { get; }

    public IReadOnlyList<ReviewArticle> Articles { get; }

    public IReadOnlyList<Doubt> Doubts { get; }

    /// <summary>Where two articles' regions cover the same part of the page.</summary>
    public IReadOnlyList<Polygon> Overlaps { get; }

    public IEnumerable<ArticleImage> Photos => Analysis.Articles.SelectMany(a => a.Images)
        .Where(i => ReferenceEquals(i.Page, Analysis.Page) || (i.PageId != 0 && i.PageId == Analysis.Page.Id));

    /// <summary>
    /// For an overlap or a region over another's photo, which article should give up the shared part: the one whose
    /// region covers the other's photo, else the larger (a story's region drawn round an item set into it).
    /// </summary>
    public (Article Giver, Article Taker)? YieldOf(Doubt doubt)
    {
        ArgumentNullException.ThrowIfNull(doubt);
        return doubt switch
        {
            { Kind: DoubtKind.CoversPhoto, Article: { } covering, Other: { } owner } => (covering, owner),
            { Kind: DoubtKind.Overlap, Article: { } a, Other: { } b } => Analysis.GridOf(a).Area >= Analysis.GridOf(b).Area ? (a, b) : (b, a),
            _ => null,
        };
    }

    public ReviewArticle? Of(Article article) => Articles.FirstOrDefault(a => ReferenceEquals(a.Article, article));

    /// <summary>The lines, blocks and photos for the page's script, as compact JSON.</summary>
    public string ScriptData(string? undo, bool published)
    {
        var text = Analysis.Text;
        var data = new ScriptPage(
            Analysis.Edition.Id,
            Analysis.Page.Label,
            published,
            undo,
            text.Complete,
            [.. text.Lines.Select((l, i) => new ScriptLine(
                l.Text, R(l.Left), R(l.Top), R(l.Right), R(l.Bottom), text.BlockOf[i],
                Analysis.Owners[i]?.Article.Id, Analysis.Owners[i] is { } o ? FieldName(o.Field) : null))],
            [.. text.Blocks.Select(b => new[] { R(b.Box.Left), R(b.Box.Top), R(b.Box.Right), R(b.Box.Bottom) })],
            [.. Photos.Select(p => new ScriptPhoto(p.Id, p.Article.Id, [.. p.Polygon.Points.Select(pt => new[] { R(pt.X), R(pt.Y) })], p.Caption))]);
        return JsonSerializer.Serialize(data, Json);
    }

    public static string Points(Polygon polygon) => polygon.ToString();

    public static string Percent(double value) => (value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static double R(double value) => Math.Round(value, 5);

    private static string FieldName(TextField field) => field switch
    {
        TextField.Kicker => "kicker",
        TextField.Headline => "headline",
        TextField.Subheadline => "subheadline",
        TextField.Byline => "byline",
        TextField.Caption or TextField.Credit => "caption",
        _ => "body",
    };

    private sealed record ScriptPage(
        [property: JsonPropertyName("edition")] int Edition,
        [property: JsonPropertyName("page")] string Page,
        [property: JsonPropertyName("published")] bool Published,
        [property: JsonPropertyName("undo")] string? Undo,
        [property: JsonPropertyName("complete")] bool Complete,
        [property: JsonPropertyName("lines")] IReadOnlyList<ScriptLine> Lines,
        [property: JsonPropertyName("blocks")] IReadOnlyList<double[]> Blocks,
        [property: JsonPropertyName("photos")] IReadOnlyList<ScriptPhoto> Photos);

    private sealed record ScriptLine(
        [property: JsonPropertyName("t")] string Text,
        [property: JsonPropertyName("l")] double Left,
        [property: JsonPropertyName("y")] double Top,
        [property: JsonPropertyName("r")] double Right,
        [property: JsonPropertyName("b")] double Bottom,
        [property: JsonPropertyName("k")] int Block,
        [property: JsonPropertyName("a")] int? Article,
        [property: JsonPropertyName("f")] string? Field);

    private sealed record ScriptPhoto(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("article")] int Article,
        [property: JsonPropertyName("points")] IReadOnlyList<double[]> Points,
        [property: JsonPropertyName("caption")] string? Caption);
}
