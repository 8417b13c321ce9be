using System.Text.Json.Nodes;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader;

namespace Broadsheet.Web.OpenData.Iiif;

/// <summary>
/// IIIF Presentation 3 for published editions: <c>/iiif/{slug}</c> (a Collection of the years),
/// <c>/iiif/{slug}/{yyyy}</c> (a Collection of that year's editions), <c>/iiif/{slug}/{date}/manifest</c> and
/// <c>/iiif/{slug}/{date}/canvas/{page}</c>. Drafts, scheduled and withdrawn editions are not there.
/// </summary>
internal static class PresentationEndpoints
{
    public static IEndpointRouteBuilder MapIiifPresentation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(IiifUrls.Prefix).ExcludeFromDescription();
        group.MapMethods("/{slug:slug}", [HttpMethods.Get, HttpMethods.Head], PublicationAsync);
        group.MapMethods("/{slug:slug}/{year:int:range(1000,9999)}", [HttpMethods.Get, HttpMethods.Head], YearAsync);
        group.MapMethods("/{slug:slug}/{edition}/manifest", [HttpMethods.Get, HttpMethods.Head], ManifestAsync);
        group.MapMethods("/{slug:slug}/{edition}/canvas/{label}", [HttpMethods.Get, HttpMethods.Head], CanvasAsync);
        group.MapMethods("/{slug:slug}/{edition}/search", [HttpMethods.Get, HttpMethods.Head], ContentSearch.SearchAsync);
        group.MapMethods("/{slug:slug}/{edition}/search1", [HttpMethods.Get, HttpMethods.Head], ContentSearch.Search1Async);
        return app;
    }

    private static async Task<IResult> PublicationAsync(string slug, HttpContext context, PublishedEditions editions, CancellationToken cancellationToken)
    {
        if (await editions.FindPublicationAsync(slug, cancellationToken) is not { } paper)
        {
            return IiifJson.NotFound(context, $"There is no publication '{slug}'.");
        }

        var listed = await editions.ListAsync(slug, cancellationToken);
        var years = listed.Select(e => e.Date.Year).Distinct().Order();
        var collection = Collection(context, IiifUrls.Publication(slug), paper.Language, paper.Name, years.Select(y => new JsonObject
        {
            ["id"] = Absolute(context, IiifUrls.Year(slug, y)),
            ["type"] = "Collection",
            ["label"] = IiifJson.Text(paper.Language, $"{paper.Name} {y}"),
        }));
        collection["homepage"] = Homepage(context, ReaderUrls.Publication(slug), paper.Language, paper.Name);
        return IiifJson.Document(context, collection, IiifJson.PresentationContext);
    }

    private static async Task<IResult> YearAsync(string slug, int year, HttpContext context, PublishedEditions editions, CancellationToken cancellationToken)
    {
        var listed = await editions.ListAsync(slug, cancellationToken);
        var ofYear = listed.Where(e => e.Date.Year == year).OrderBy(e => e.Date).ThenBy(e => e.Number).ToList();
        if (ofYear.Count == 0 || await editions.FindPublicationAsync(slug, cancellationToken) is not { } paper)
        {
            return IiifJson.NotFound(context, $"'{slug}' has no published edition in {year}.");
        }

        var collection = Collection(context, IiifUrls.Year(slug, year), paper.Language, $"{paper.Name} {year}", ofYear.Select(e => new JsonObject
        {
            ["id"] = Absolute(context, IiifUrls.Manifest(slug, e.Date, e.Number)),
            ["type"] = "Manifest",
            ["label"] = IiifJson.Text(paper.Language, $"{paper.Name} {ReaderUrls.Date(e.Date)}"),
            // Viewers lay a collection out on a timeline by navDate.
            ["navDate"] = NavDate(e.Date, paper.TimeZoneId),
        }));

        collection["partOf"] = new JsonArray(new JsonObject { ["id"] = Absolute(context, IiifUrls.Publication(slug)), ["type"] = "Collection" });
        return IiifJson.Document(context, collection, IiifJson.PresentationContext);
    }

    private static async Task<IResult> ManifestAsync(string slug, string edition, HttpContext context, PublishedEditions editions, ImageInfos infos, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, edition, context, editions, infos, cancellationToken) is not { } document)
        {
            return IiifJson.NotFound(context, $"There is no published edition '{edition}' of '{slug}'.");
        }

        return IiifJson.Document(context, document.Manifest(), IiifJson.PresentationContext);
    }

    private static async Task<IResult> CanvasAsync(string slug, string edition, string label, HttpContext context, PublishedEditions editions, ImageInfos infos, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, edition, context, editions, infos, cancellationToken) is not { } document
            || document.Edition.FindPage(label) is not { } page || page.Page.Label != label)
        {
            return IiifJson.NotFound(context, $"There is no page '{label}' in a published edition '{edition}' of '{slug}'.");
        }

        var canvas = document.Canvas(page);
        canvas.Insert(0, "@context", IiifJson.PresentationContext);
        canvas["partOf"] = new JsonArray(new JsonObject { ["id"] = document.ManifestId, ["type"] = "Manifest" });
        return IiifJson.Document(context, canvas, IiifJson.PresentationContext);
    }

    /// <summary>The published edition an edition segment names, with its pages' image infos read, or null.</summary>
    public static async Task<LoadedEdition?> FindAsync(
        string slug, string segment, HttpContext context, PublishedEditions editions, ImageInfos infos, CancellationToken cancellationToken)
    {
        if (!IiifUrls.TryParseEdition(segment, out var date, out var number)
            || await editions.FindAsync(slug, date, number, cancellationToken) is not { } view
            || view.Edition.Number != number)
        {
            return null;
        }

        var read = new Dictionary<Core.Model.Page, ImageInfo?>();
        foreach (var page in view.Pages)
        {
            read[page.Page] = await infos.FindAsync(page.Page.DerivativesKey, cancellationToken);
        }

        return new LoadedEdition(view, new ManifestDocument(view, read, path => Absolute(context, path)));
    }

    /// <summary>Midnight of <paramref name="date"/> where the paper is published, as the XSD dateTime with offset that navDate takes.</summary>
    public static string NavDate(DateOnly date, string timeZoneId)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var offset = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId).GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonObject Collection(HttpContext context, string path, string language, string label, IEnumerable<JsonObject> items) => new()
    {
        ["@context"] = IiifJson.PresentationContext,
        ["id"] = Absolute(context, path),
        ["type"] = "Collection",
        ["label"] = IiifJson.Text(language, label),
        ["items"] = new JsonArray([.. items]),
    };

    private static JsonArray Homepage(HttpContext context, string path, string language, string label) => new(new JsonObject
    {
        ["id"] = Absolute(context, path),
        ["type"] = "Text",
        ["label"] = IiifJson.Text(language, label),
        ["format"] = "text/html",
    });

    private static string Absolute(HttpContext context, string path) => ReaderMeta.Absolute(context.Request, path);
}

/// <summary>A published edition and its manifest.</summary>
internal sealed record LoadedEdition(EditionView Edition, ManifestDocument Document)
{
    public JsonObject Manifest() => Document.Manifest();

    public JsonObject Canvas(PageView page) => Document.Canvas(page);

    public string ManifestId => Document.ManifestId;
}
