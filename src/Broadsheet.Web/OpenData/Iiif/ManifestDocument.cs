using System.Globalization;
using System.Text.Json.Nodes;
using Broadsheet.Core.Model;
using Broadsheet.Web.Api;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader;

namespace Broadsheet.Web.OpenData.Iiif;

/// <summary>
/// An edition as a IIIF Presentation 3 Manifest: a Canvas per page (its image with the level-0 image service, its
/// PDF as <c>rendering</c>, each article's text as a <c>supplementing</c> annotation on the article's place), and
/// the table of contents as Ranges: one per page holding one per article, each pointing at the article's place on
/// every page it is printed on.
/// </summary>
internal sealed class ManifestDocument(EditionView edition, IReadOnlyDictionary<Page, ImageInfo?> infos, Func<string, string> absolute)
{
    private string Language => edition.Publication.Language;

    private string EditionUrl => IiifUrls.Edition(edition.Slug, edition.Date, edition.Edition.Number);

    public string ManifestId => absolute(IiifUrls.Manifest(edition.Slug, edition.Date, edition.Edition.Number));

    public string CanvasId(Page page) => absolute(IiifUrls.Canvas(edition.Slug, edition.Date, edition.Edition.Number, page.Label));

    public CanvasGeometry Geometry(Page page) => CanvasGeometry.Of(page, infos.GetValueOrDefault(page));

    public JsonObject Manifest()
    {
        var paper = edition.Publication;
        var date = ReaderUrls.Date(edition.Date);
        var manifest = new JsonObject
        {
            ["@context"] = IiifJson.PresentationContext,
            ["id"] = ManifestId,
            ["type"] = "Manifest",
            ["label"] = IiifJson.Text(Language, $"{paper.Name} {date}"),
            ["metadata"] = new JsonArray([.. Metadata()]),
            ["navDate"] = PresentationEndpoints.NavDate(edition.Date, paper.TimeZoneId),
            ["behavior"] = new JsonArray("paged"),
            ["viewingDirection"] = "left-to-right",
            ["homepage"] = new JsonArray(Link(edition.FirstPage?.Url ?? edition.Url, "Text", "text/html", $"{paper.Name} {date}")),
            ["seeAlso"] = new JsonArray(Link(EditionsApi.Url(edition.Slug, edition.Date, edition.Edition.Number), "Dataset", "application/json", "JSON")),
            ["rendering"] = new JsonArray(Link(EditionPdf.Url(edition), "Text", "application/pdf", "PDF")),
            ["partOf"] = new JsonArray(new JsonObject { ["id"] = absolute(IiifUrls.Year(edition.Slug, edition.Date.Year)), ["type"] = "Collection" }),
            ["service"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = absolute(IiifUrls.Search(edition.Slug, edition.Date, edition.Edition.Number)),
                    ["type"] = "SearchService2",
                },
                // The older form beside it, as Presentation 3 lists older services: Mirador finds search by this profile.
                new JsonObject
                {
                    ["@id"] = absolute(IiifUrls.Search(edition.Slug, edition.Date, edition.Edition.Number) + "1"),
                    ["@type"] = "SearchService1",
                    ["profile"] = "http://iiif.io/api/search/1/search",
                }),
            ["items"] = new JsonArray([.. edition.Pages.Select(Canvas)]),
            // A range must have an item (Presentation 3, 3.4): a page whose only articles are continued from earlier
            // pages has none of its own, and is left out of the table of contents.
            ["structures"] = new JsonArray([.. edition.Pages.Where(p => p.Articles.Any(a => ReferenceEquals(edition.Home(a.Article), a))).Select(PageRange)]),
        };
        if (edition.FirstPage is { } first && Thumbnail(first) is { } thumbnail)
        {
            manifest["thumbnail"] = new JsonArray(thumbnail);
        }

        return manifest;
    }

    private IEnumerable<JsonNode> Metadata()
    {
        yield return IiifJson.Pair(Language, "Date", ReaderUrls.Date(edition.Date));
        if (edition.Edition.IssueNumber is { } issue)
        {
            yield return IiifJson.Pair(Language, "Issue", issue.ToString(CultureInfo.InvariantCulture));
        }

        yield return IiifJson.Pair(Language, "Pages", edition.Pages.Count.ToString(CultureInfo.InvariantCulture));
    }

    public JsonObject Canvas(PageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var page = view.Page;
        var id = CanvasId(page);
        var geometry = Geometry(page);
        var canvas = new JsonObject
        {
            ["id"] = id,
            ["type"] = "Canvas",
            ["label"] = IiifJson.Text(Language, PageTitles.Of(view.Page)),
            ["width"] = geometry.Width,
            ["height"] = geometry.Height,
        };
        if (Thumbnail(view) is { } thumbnail)
        {
            canvas["thumbnail"] = new JsonArray(thumbnail);
        }

        if (view.PdfUrl is { } pdf)
        {
            canvas["rendering"] = new JsonArray(Link(pdf, "Text", "application/pdf", "PDF " + PageTitles.Of(view.Page)));
        }

        canvas["homepage"] = new JsonArray(Link(view.Url, "Text", "text/html", PageTitles.Of(view.Page)));
        canvas["items"] = new JsonArray(new JsonObject
        {
            ["id"] = id + "/page",
            ["type"] = "AnnotationPage",
            ["items"] = new JsonArray([.. Painting(view, id)]),
        });
        // An annotation page should hold an annotation (3.4): a page without articles (a full-page advertisement) has no text page.
        if (view.Articles.Count > 0)
        {
            canvas["annotations"] = new JsonArray(new JsonObject
            {
                ["id"] = id + "/text",
                ["type"] = "AnnotationPage",
                ["items"] = new JsonArray([.. view.Articles.Select(a => ArticleText(a, id, geometry))]),
            });
        }

        return canvas;
    }

    private IEnumerable<JsonNode> Painting(PageView view, string canvasId)
    {
        var page = view.Page;
        if (page.ImageKey is not { Length: > 0 } key)
        {
            yield break;
        }

        var body = new JsonObject
        {
            ["id"] = absolute(ReaderUrls.Media(key)!),
            ["type"] = "Image",
            ["format"] = key.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg",
            ["width"] = page.ImageWidth,
            ["height"] = page.ImageHeight,
        };
        if (infos.GetValueOrDefault(page) is not null)
        {
            body["service"] = new JsonArray(new JsonObject
            {
                ["id"] = absolute(IiifUrls.ImageService(page.DerivativesKey!)),
                ["type"] = "ImageService3",
                ["profile"] = "level0",
            });
        }

        yield return new JsonObject
        {
            ["id"] = canvasId + "/image",
            ["type"] = "Annotation",
            ["motivation"] = "painting",
            ["body"] = body,
            ["target"] = canvasId,
        };
    }

    /// <summary>The article's text on its place on this page (the box around its regions there).</summary>
    private JsonObject ArticleText(ArticleOnPage item, string canvasId, CanvasGeometry geometry) => new()
    {
        ["id"] = string.Create(CultureInfo.InvariantCulture, $"{canvasId}/text/{item.N}"),
        ["type"] = "Annotation",
        ["motivation"] = "supplementing",
        ["label"] = IiifJson.Text(Language, Title(item)),
        ["body"] = new JsonObject
        {
            ["type"] = "TextualBody",
            ["value"] = FullText(item.Article),
            ["format"] = "text/plain",
            ["language"] = Language,
        },
        ["target"] = Target(canvasId, geometry.Fragment(item.Regions)),
    };

    private JsonObject Target(string canvasId, string fragment) => new()
    {
        ["type"] = "SpecificResource",
        ["source"] = new JsonObject
        {
            ["id"] = canvasId,
            ["type"] = "Canvas",
            ["partOf"] = new JsonArray(new JsonObject { ["id"] = ManifestId, ["type"] = "Manifest" }),
        },
        ["selector"] = new JsonObject
        {
            ["type"] = "FragmentSelector",
            ["conformsTo"] = "http://www.w3.org/TR/media-frags/",
            ["value"] = fragment,
        },
    };

    /// <summary>A page of the table of contents, with a range for each article read from it.</summary>
    private JsonObject PageRange(PageView view) => new()
    {
        ["id"] = absolute($"{EditionUrl}/range/{view.Page.Label}"),
        ["type"] = "Range",
        ["label"] = IiifJson.Text(Language, PageTitles.Of(view.Page)),
        ["items"] = new JsonArray([.. view.Articles.Where(a => ReferenceEquals(edition.Home(a.Article), a)).Select(ArticleRange)]),
    };

    /// <summary>An article: its place on each page it is printed on, home page first.</summary>
    private JsonObject ArticleRange(ArticleOnPage home) => new()
    {
        ["id"] = absolute(string.Create(CultureInfo.InvariantCulture, $"{EditionUrl}/range/{home.Page.Label}/{home.N}")),
        ["type"] = "Range",
        ["label"] = IiifJson.Text(Language, Title(home)),
        ["items"] = new JsonArray([.. edition.Pages
            .SelectMany(p => p.Articles.Where(a => ReferenceEquals(a.Article, home.Article)))
            .Select(a => (JsonNode)new JsonObject { ["id"] = CanvasId(a.Page) + "#" + Geometry(a.Page).Fragment(a.Regions), ["type"] = "Canvas" })]),
    };

    private static string Title(ArticleOnPage item) =>
        string.IsNullOrWhiteSpace(item.Article.DisplayTitle) ? string.Create(CultureInfo.InvariantCulture, $"{item.Page.Label}/{item.N}") : item.Article.DisplayTitle;

    /// <summary>The article as one text: kicker, headline, subheadline, byline, then its paragraphs, a line each.</summary>
    public static string FullText(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        string?[] head = [article.Kicker, article.Headline, article.Subheadline, article.Byline];
        return string.Join("\n", head.Concat(article.Paragraphs).Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    private JsonObject? Thumbnail(PageView view) =>
        view.Variant("thumb", "jpg") is { } url ? new JsonObject { ["id"] = absolute(url), ["type"] = "Image", ["format"] = "image/jpeg" } : null;

    private JsonObject Link(string path, string type, string format, string label) => new()
    {
        ["id"] = absolute(path),
        ["type"] = type,
        ["label"] = IiifJson.Text(Language, label),
        ["format"] = format,
    };
}
