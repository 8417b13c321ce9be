using System.Globalization;
using System.Text.Json.Nodes;
using Broadsheet.Web.Published;
using Broadsheet.Web.Search;

namespace Broadsheet.Web.OpenData.Iiif;

/// <summary>
/// IIIF Content Search 2 within one edition (<c>/iiif/{slug}/{date}/search?q=…</c>): an AnnotationPage of hits,
/// each a <c>supplementing</c> annotation boxing the hit on its canvas. Where the page's article lines file has the
/// line, the box is the printed line; otherwise it is the article's place on the page. Every word of <c>q</c> must be
/// in the article (case and width folded, as the reader marks hits); each word's places are listed.
/// </summary>
internal static class ContentSearch
{
    private const int MaxHits = 500;
    private const int MaxWords = PageHitMarker.MaxPhrases;

    public static async Task<IResult> SearchAsync(
        string slug, string edition, HttpContext context, PublishedEditions editions, ImageInfos infos, PageHitMarker lines, CancellationToken cancellationToken)
    {
        if (await PresentationEndpoints.FindAsync(slug, edition, context, editions, infos, cancellationToken) is not { } loaded)
        {
            return IiifJson.NotFound(context, $"There is no published edition '{edition}' of '{slug}'.");
        }

        var query = context.Request.Query;
        var language = loaded.Edition.Publication.Language;
        var items = new JsonArray();
        foreach (var hit in await HitsAsync(loaded, query["q"].ToString(), lines, cancellationToken))
        {
            items.Add(new JsonObject
            {
                ["id"] = hit.Id,
                ["type"] = "Annotation",
                ["motivation"] = "supplementing",
                ["label"] = IiifJson.Text(language, hit.Title),
                ["body"] = new JsonObject
                {
                    ["type"] = "TextualBody",
                    ["value"] = hit.Snippet,
                    ["format"] = "text/plain",
                    ["language"] = language,
                },
                ["target"] = hit.Target,
            });
        }

        var document = new JsonObject
        {
            ["@context"] = IiifJson.SearchContext,
            ["id"] = Reader.ReaderMeta.Absolute(context.Request, context.Request.Path + context.Request.QueryString),
            ["type"] = "AnnotationPage",
            ["items"] = items,
        };
        // The parameters this service does not filter by are named back, as the specification asks.
        string[] unsupported = ["motivation", "date", "user"];
        if (unsupported.Where(query.ContainsKey).ToList() is { Count: > 0 } ignored)
        {
            document["ignored"] = new JsonArray([.. ignored.Select(i => (JsonNode)i)]);
        }

        return IiifJson.Document(context, document, IiifJson.SearchContext);
    }

    /// <summary>
    /// The same search in Content Search 1's form (an <c>sc:AnnotationList</c>), which Mirador 3 and 4 read;
    /// Search 2 is the one to build on.
    /// </summary>
    public static async Task<IResult> Search1Async(
        string slug, string edition, HttpContext context, PublishedEditions editions, ImageInfos infos, PageHitMarker lines, CancellationToken cancellationToken)
    {
        if (await PresentationEndpoints.FindAsync(slug, edition, context, editions, infos, cancellationToken) is not { } loaded)
        {
            return IiifJson.NotFound(context, $"There is no published edition '{edition}' of '{slug}'.");
        }

        var resources = new JsonArray();
        foreach (var hit in await HitsAsync(loaded, context.Request.Query["q"].ToString(), lines, cancellationToken))
        {
            resources.Add(new JsonObject
            {
                ["@id"] = hit.Id,
                ["@type"] = "oa:Annotation",
                ["motivation"] = "sc:painting",
                ["resource"] = new JsonObject { ["@type"] = "cnt:ContentAsText", ["chars"] = hit.Snippet },
                ["on"] = hit.Target,
            });
        }

        var document = new JsonObject
        {
            ["@context"] = new JsonArray("http://iiif.io/api/presentation/2/context.json", Search1Context),
            ["@id"] = Reader.ReaderMeta.Absolute(context.Request, context.Request.Path + context.Request.QueryString),
            ["@type"] = "sc:AnnotationList",
            ["resources"] = resources,
        };
        return IiifJson.Document(context, document, Search1Context);
    }

    public const string Search1Context = "http://iiif.io/api/search/1/context.json";

    /// <summary>A hit: an annotation's id, the article's title, a snippet, and <c>canvas#xywh=…</c>.</summary>
    private sealed record Hit(string Id, string Title, string Snippet, string Target);

    private static async Task<List<Hit>> HitsAsync(LoadedEdition loaded, string q, PageHitMarker lines, CancellationToken cancellationToken)
    {
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        var items = new List<Hit>();
        if (words.Count > 0)
        {
            foreach (var page in loaded.Edition.Pages)
            {
                var canvasId = loaded.Document.CanvasId(page.Page);
                var geometry = loaded.Document.Geometry(page.Page);
                var printed = await lines.LinesAsync(page, cancellationToken);
                foreach (var item in page.Articles)
                {
                    var text = ManifestDocument.FullText(item.Article);
                    var folded = Fold(text);
                    var found = words.Select(w => folded.IndexOf(Fold(w), StringComparison.Ordinal)).ToList();
                    if (found.Any(at => at < 0))
                    {
                        continue;
                    }

                    // The lines are matched as printed, so each word is looked for as the article spells it.
                    var printedWords = found.Select((at, i) => text.Substring(at, words[i].Length)).ToList();
                    var boxes = PhraseLocator.Locate(printed, printedWords, item.Regions);
                    var targets = boxes.Count > 0
                        ? boxes.Select(b => geometry.Box(b.Left, b.Top, b.Width, b.Height))
                        : [geometry.Fragment(item.Regions)];
                    foreach (var fragment in targets.Distinct(StringComparer.Ordinal))
                    {
                        if (items.Count >= MaxHits)
                        {
                            break;
                        }

                        items.Add(new Hit(
                            string.Create(CultureInfo.InvariantCulture, $"{canvasId}/hit/{item.N}/{items.Count + 1}"),
                            item.Article.DisplayTitle,
                            Snippet(text, words[0]),
                            canvasId + "#" + fragment));
                    }
                }
            }
        }

        return items;
    }

    private static string Fold(string text) => string.Create(text.Length, text, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = ReaderFolding.Fold(s[i]);
        }
    });

    /// <summary>The first place the word is found, with up to 30 characters either side.</summary>
    private static string Snippet(string text, string word)
    {
        const int Around = 30;
        var flat = text.Replace('\n', ' ');
        var at = Fold(flat).IndexOf(Fold(word), StringComparison.Ordinal);
        if (at < 0)
        {
            return flat.Length <= 2 * Around ? flat : flat[..(2 * Around)] + "…";
        }

        var start = Math.Max(0, at - Around);
        var end = Math.Min(flat.Length, at + word.Length + Around);
        return (start > 0 ? "…" : "") + flat[start..end] + (end < flat.Length ? "…" : "");
    }
}
