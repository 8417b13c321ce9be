using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Packages;

/// <summary>A placement resolved against the edition's pages: the page's index and a normalised polygon.</summary>
internal sealed record PlacedPolygon(int Page, Polygon Polygon, string? Caption = null, string? Credit = null);

/// <summary>An article the manifest gives, ready to add to the edition.</summary>
internal sealed record PlannedArticle(ArticleContent Content, IReadOnlyList<PlacedPolygon> Regions, IReadOnlyList<PlacedPolygon> Images)
{
    /// <summary>The first page it is printed on, which places it in the edition's reading order.</summary>
    public int FirstPage => Regions.Min(r => r.Page);
}

/// <summary>
/// Turns the manifest's articles into content and normalised regions once the pages' sizes are known,
/// so a region outside its page is refused before anything is rendered or stored.
/// </summary>
internal static class ManifestArticles
{
    /// <summary>Labels of the pages whose articles the manifest gives: detection is not run on them.</summary>
    public static IReadOnlySet<string> PagesCovered(EditionManifest? manifest) =>
        (manifest?.Articles ?? []).SelectMany(a => a.Regions).Select(r => PageLabel.Normalise(r.Page)).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<PlannedArticle> Plan(EditionManifest? manifest, IReadOnlyList<ValidatedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var articles = manifest?.Articles ?? [];
        var index = pages.Select((p, i) => (p.Page.Label, i)).ToDictionary(x => x.Label, x => x.i, StringComparer.Ordinal);
        var planned = new List<PlannedArticle>();
        for (var a = 0; a < articles.Count; a++)
        {
            var article = articles[a];
            var content = new ArticleContent
            {
                Kicker = article.Kicker,
                Headline = article.Headline,
                Subheadline = article.Subheadline,
                Byline = article.Byline,
                Paragraphs = [.. article.Paragraphs],
                Kind = article.Kind switch
                {
                    "photoNews" => ArticleKind.PhotoNews,
                    "briefs" => ArticleKind.Briefs,
                    "advertisement" => ArticleKind.Advertisement,
                    "notice" => ArticleKind.Notice,
                    _ => ArticleKind.Story,
                },
            };
            var regions = article.Regions.Select((r, i) => Place(r, $"$.articles[{a}].regions[{i}]", index, pages)).ToList();
            var images = article.Images.Select((r, i) => Place(r, $"$.articles[{a}].images[{i}]", index, pages)).ToList();
            planned.Add(new PlannedArticle(content, regions, images));
        }

        return planned;
    }

    private static PlacedPolygon Place(ManifestPlacement placement, string where, Dictionary<string, int> index, IReadOnlyList<ValidatedPage> pages)
    {
        var label = PageLabel.Normalise(placement.Page);
        var page = index[label];
        var size = pages[page].Size;
        var inPoints = placement.Unit == "pt";
        var points = placement.Polygon.Select(p => inPoints ? new NormalisedPoint(p[0] / size.Width, p[1] / size.Height) : new NormalisedPoint(p[0], p[1])).ToList();
        try
        {
            return new PlacedPolygon(page, new Polygon(points), placement.Caption, placement.Credit);
        }
        catch (DomainException ex)
        {
            var detail = inPoints
                ? string.Create(CultureInfo.InvariantCulture, $"a point lies outside page {label}, which is {size.Width:0.#} x {size.Height:0.#} pt")
                : ex.Message.TrimEnd('.');
            throw new ImportException($"{EditionManifest.FileName}: {where}.polygon: {detail}", ex);
        }
    }
}
