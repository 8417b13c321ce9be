using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Layout;

/// <summary>
/// One page of an edition read together with its text layer: which articles are printed on it, which article
/// holds each printed line, and each article's region as a grid. The desk's checks and its page-first edits
/// both start here.
/// </summary>
internal sealed class PageAnalysis
{
    private readonly Dictionary<Article, RegionGrid> _grids = [];

    public PageAnalysis(Edition edition, Page page, PageText text)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(text);
        Edition = edition;
        Page = page;
        Text = text;
        Articles = ArticleHomes.On(edition, page);
        // Articles printed nowhere (a split's new half) may hold this page's text too.
        Texts = [.. Articles.Concat(edition.Articles.Where(a => a.Regions.Count == 0).OrderBy(a => a.Order)).Select(a => new ArticleText(a))];
        Owners = LineOwners.Find(text, page, Texts);
    }

    public Edition Edition { get; }

    public Page Page { get; }

    public PageText Text { get; }

    /// <summary>The articles with a region on the page, in reading order.</summary>
    public IReadOnlyList<Article> Articles { get; }

    public IReadOnlyList<ArticleText> Texts { get; }

    /// <summary>Who holds each line of <see cref="Text"/>, by line index; null for a line no article holds.</summary>
    public LineOwner?[] Owners { get; }

    public ArticleText TextOf(Article article) => Texts.First(t => ReferenceEquals(t.Article, article));

    /// <summary>The article's regions on this page as a grid.</summary>
    public RegionGrid GridOf(Article article)
    {
        if (!_grids.TryGetValue(article, out var grid))
        {
            _grids[article] = grid = RegionGrid.Of(RegionsOf(article));
        }

        return grid;
    }

    public IEnumerable<Polygon> RegionsOf(Article article) =>
        article.Regions.Where(r => ArticleHomes.IsOn(r, Page)).Select(r => r.Polygon);

    /// <summary>The lines <paramref name="article"/> holds on this page, in the order of its text.</summary>
    public IReadOnlyList<int> LinesOf(Article article) =>
        [.. Enumerable.Range(0, Owners.Length).Where(i => Owners[i] is { } o && ReferenceEquals(o.Article, article)).OrderBy(i => Owners[i]!.Start)];

    /// <summary>Where the article is on the page: its regions' bounds, else its lines', else null.</summary>
    public Box? Where(Article article)
    {
        var regions = RegionsOf(article).Select(Box.Of).ToList();
        if (regions.Count > 0)
        {
            return Box.Bounding(regions);
        }

        var lines = LinesOf(article);
        return lines.Count > 0 ? Box.Bounding(lines.Select(i => Box.Of(Text.Lines[i]))) : null;
    }
}
