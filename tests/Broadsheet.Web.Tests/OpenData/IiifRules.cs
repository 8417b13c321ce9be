using System.Text.Json;
using System.Text.RegularExpressions;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>
/// The rules of IIIF Presentation 3 and Image 3 that a viewer relies on, checked on a document: required properties
/// by type, language maps, integer sizes, media-fragment targets inside their canvas.
/// </summary>
internal static partial class IiifRules
{
    public const string Presentation = "http://iiif.io/api/presentation/3/context.json";

    /// <summary>A language map: an object whose every value is an array of strings, at least one.</summary>
    public static void LanguageMap(JsonElement value, string where)
    {
        Assert.True(value.ValueKind == JsonValueKind.Object, $"{where}: a label must be a language map");
        var entries = value.EnumerateObject().ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.Equal(JsonValueKind.Array, e.Value.ValueKind);
            Assert.NotEmpty(e.Value.EnumerateArray());
            Assert.All(e.Value.EnumerateArray(), s => Assert.Equal(JsonValueKind.String, s.ValueKind));
        });
    }

    /// <summary>Every resource has an absolute id at the public origin and a type.</summary>
    public static string Resource(JsonElement resource, string type)
    {
        var id = resource.GetProperty("id").GetString()!;
        Assert.StartsWith(OpenDataAppFactory.PublicUrl + "/", id, StringComparison.Ordinal);
        Assert.Equal(type, resource.GetProperty("type").GetString());
        return id;
    }

    public static void Collection(JsonElement collection, bool topLevel)
    {
        if (topLevel)
        {
            Assert.Equal(Presentation, collection.GetProperty("@context").GetString());
        }

        Resource(collection, "Collection");
        LanguageMap(collection.GetProperty("label"), "collection");
        if (topLevel)
        {
            // A collection listed inside another is a reference: id, type and label; its items are in its own document.
            Assert.Equal(JsonValueKind.Array, collection.GetProperty("items").ValueKind);
            Walk(collection, "collection");
        }
    }

    /// <summary>A Manifest: context, id, type, label, canvases with sizes and painting annotations; returns the canvases by id.</summary>
    public static Dictionary<string, JsonElement> Manifest(JsonElement manifest)
    {
        Assert.Equal(Presentation, manifest.GetProperty("@context").GetString());
        Resource(manifest, "Manifest");
        LanguageMap(manifest.GetProperty("label"), "manifest");
        Assert.Matches(NavDate(), manifest.GetProperty("navDate").GetString()!);
        Walk(manifest, "manifest");
        var canvases = manifest.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(canvases);
        foreach (var canvas in canvases)
        {
            Canvas(canvas);
        }

        return canvases.ToDictionary(c => c.GetProperty("id").GetString()!, c => c);
    }

    public static void Canvas(JsonElement canvas)
    {
        Walk(canvas, "canvas");
        var id = Resource(canvas, "Canvas");
        Assert.DoesNotContain('#', id);
        LanguageMap(canvas.GetProperty("label"), "canvas");
        Assert.True(canvas.GetProperty("width").GetInt32() > 0);
        Assert.True(canvas.GetProperty("height").GetInt32() > 0);
        var page = Assert.Single(canvas.GetProperty("items").EnumerateArray());
        Resource(page, "AnnotationPage");
        foreach (var annotation in page.GetProperty("items").EnumerateArray())
        {
            Resource(annotation, "Annotation");
            Assert.Equal("painting", annotation.GetProperty("motivation").GetString());
            Assert.Equal(id, annotation.GetProperty("target").GetString());
            var body = annotation.GetProperty("body");
            Resource(body, "Image");
            Assert.StartsWith("image/", body.GetProperty("format").GetString(), StringComparison.Ordinal);
        }
    }

    private static readonly string[] ViewingDirections = ["left-to-right", "right-to-left", "top-to-bottom", "bottom-to-top"];

    /// <summary>
    /// The rules of Presentation 3 (sections 3 and 5) on every resource of a document, wherever it sits: what each
    /// type must have, what each property's value must be, and which types may be items of which.
    /// </summary>
    public static void Walk(JsonElement resource, string where)
    {
        Assert.True(resource.ValueKind == JsonValueKind.Object, $"{where}: a resource must be an object");
        var type = resource.TryGetProperty("type", out var t) ? t.GetString() : null;
        foreach (var property in resource.EnumerateObject())
        {
            var at = $"{where}.{property.Name}";
            var value = property.Value;
            switch (property.Name)
            {
                case "label" or "summary":
                    LanguageMap(value, at);
                    break;
                case "metadata":
                    Assert.All(value.EnumerateArray(), pair =>
                    {
                        LanguageMap(pair.GetProperty("label"), at + ".label");
                        LanguageMap(pair.GetProperty("value"), at + ".value");
                    });
                    break;
                case "requiredStatement":
                    LanguageMap(value.GetProperty("label"), at + ".label");
                    LanguageMap(value.GetProperty("value"), at + ".value");
                    break;
                case "navDate":
                    Assert.Matches(NavDate(), value.GetString()!);
                    break;
                case "width" or "height":
                    Assert.True(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var size) && size > 0, $"{at} must be a positive integer");
                    Assert.True(resource.TryGetProperty(property.Name == "width" ? "height" : "width", out _), $"{where}: width and height go together");
                    break;
                case "behavior":
                    Assert.All(value.EnumerateArray(), b => Assert.Equal(JsonValueKind.String, b.ValueKind));
                    break;
                case "viewingDirection":
                    Assert.Contains(value.GetString(), ViewingDirections);
                    break;
                case "homepage" or "rendering":
                    // Each MUST have id, type and label, and SHOULD have format (3.3.1).
                    Assert.NotEmpty(value.EnumerateArray());
                    Assert.All(value.EnumerateArray(), link =>
                    {
                        Assert.StartsWith("http", Id(link, at), StringComparison.Ordinal);
                        Assert.False(string.IsNullOrEmpty(link.GetProperty("type").GetString()), at + " needs a type");
                        LanguageMap(link.GetProperty("label"), at + ".label");
                        Assert.False(string.IsNullOrEmpty(link.GetProperty("format").GetString()), at + " should have a format");
                    });
                    break;
                case "seeAlso" or "partOf" or "thumbnail":
                    Assert.NotEmpty(value.EnumerateArray());
                    Assert.All(value.EnumerateArray(), link =>
                    {
                        Id(link, at);
                        Assert.False(string.IsNullOrEmpty(link.GetProperty("type").GetString()), at + " needs a type");
                    });
                    break;
                case "service":
                    // Presentation 3 services have id and type; older ones, listed beside them, @id and @type (5.7).
                    Assert.All(value.EnumerateArray(), service => Assert.True(
                        (service.TryGetProperty("id", out _) && service.TryGetProperty("type", out _)) || (service.TryGetProperty("@id", out _) && service.TryGetProperty("@type", out _)),
                        at + ": a service needs id and type (or @id and @type)"));
                    break;
                case "items" or "structures" or "annotations":
                    Assert.Equal(JsonValueKind.Array, value.ValueKind);
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Walk(item, $"{at}[{i++}]");
                    }

                    break;
                case "body":
                    if (value.TryGetProperty("id", out _) || value.TryGetProperty("type", out _))
                    {
                        Walk(value, at);
                    }

                    break;
            }
        }

        if (type is "Collection" or "Manifest" or "Canvas" or "Range" or "AnnotationPage" or "Annotation" or "Image")
        {
            Id(resource, where);
        }

        List<string?> Types(string property) =>
            resource.TryGetProperty(property, out var items) ? [.. items.EnumerateArray().Select(x => x.TryGetProperty("type", out var it) ? it.GetString() : null)] : [];

        switch (type)
        {
            // A Manifest or Canvas without items is a reference to one (in a Collection, a Range), not the resource itself.
            case "Manifest" when resource.TryGetProperty("items", out _):
                Assert.NotEmpty(Types("items"));
                Assert.All(Types("items"), x => Assert.Equal("Canvas", x));
                Assert.All(Types("structures"), x => Assert.Equal("Range", x));
                Assert.All(Types("annotations"), x => Assert.Equal("AnnotationPage", x));
                break;
            case "Collection":
                // Its items are Collections or Manifests, each with a label a viewer can list (3.4).
                Assert.All(Types("items"), x => Assert.Contains(x, new[] { "Collection", "Manifest" }));
                if (resource.TryGetProperty("items", out var members))
                {
                    Assert.All(members.EnumerateArray(), m => LanguageMap(m.GetProperty("label"), where + " item"));
                }

                break;
            case "Canvas" when resource.TryGetProperty("items", out _):
                Assert.True(resource.TryGetProperty("width", out _) || resource.TryGetProperty("duration", out _), $"{where}: a canvas needs a size");
                Assert.All(Types("items"), x => Assert.Equal("AnnotationPage", x));
                Assert.All(Types("annotations"), x => Assert.Equal("AnnotationPage", x));
                break;
            case "Range":
                // A Range MUST have items, at least one, each a Range, a Canvas or a SpecificResource of one (3.4).
                Assert.True(Types("items").Count > 0, $"{where}: a range must have at least one item");
                Assert.All(Types("items"), x => Assert.Contains(x, new[] { "Range", "Canvas", "SpecificResource" }));
                Assert.True(resource.TryGetProperty("label", out _), $"{where}: a range in a table of contents needs a label");
                break;
            case "AnnotationPage":
                Assert.True(Types("items").Count > 0, $"{where}: an annotation page should have at least one annotation");
                Assert.All(Types("items"), x => Assert.Equal("Annotation", x));
                break;
            case "Annotation":
                Assert.False(string.IsNullOrEmpty(resource.GetProperty("motivation").GetString()), $"{where}: an annotation needs a motivation");
                Assert.True(resource.TryGetProperty("target", out _), $"{where}: an annotation needs a target");
                break;
        }
    }

    private static string Id(JsonElement resource, string where)
    {
        Assert.True(resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String, $"{where} needs an id");
        var value = id.GetString()!;
        Assert.True(Uri.TryCreate(value, UriKind.Absolute, out _), $"{where}: '{value}' is not an absolute URI");
        return value;
    }

    /// <summary>A <c>canvas#xywh=x,y,w,h</c> target: its canvas, and a box of positive size inside it.</summary>
    public static (string Canvas, int X, int Y, int W, int H) Fragment(string target, IReadOnlyDictionary<string, JsonElement> canvases)
    {
        var at = target.IndexOf("#xywh=", StringComparison.Ordinal);
        Assert.True(at > 0, $"'{target}' is not a canvas with an xywh fragment");
        return Box(target[..at], target[(at + 1)..], canvases);
    }

    /// <summary>A SpecificResource target with a media-fragment FragmentSelector.</summary>
    public static (string Canvas, int X, int Y, int W, int H) Selector(JsonElement target, IReadOnlyDictionary<string, JsonElement> canvases)
    {
        Assert.Equal("SpecificResource", target.GetProperty("type").GetString());
        var source = target.GetProperty("source");
        Assert.Equal("Canvas", source.GetProperty("type").GetString());
        var selector = target.GetProperty("selector");
        Assert.Equal("FragmentSelector", selector.GetProperty("type").GetString());
        Assert.Equal("http://www.w3.org/TR/media-frags/", selector.GetProperty("conformsTo").GetString());
        return Box(source.GetProperty("id").GetString()!, selector.GetProperty("value").GetString()!, canvases);
    }

    private static (string, int, int, int, int) Box(string canvasId, string fragment, IReadOnlyDictionary<string, JsonElement> canvases)
    {
        Assert.True(canvases.TryGetValue(canvasId, out var canvas), $"'{canvasId}' is no canvas of the manifest");
        var match = Xywh().Match(fragment);
        Assert.True(match.Success, $"'{fragment}' is not xywh=x,y,w,h");
        var (x, y, w, h) = (Int(match, 1), Int(match, 2), Int(match, 3), Int(match, 4));
        Assert.True(w > 0 && h > 0, fragment);
        Assert.InRange(x + w, 1, canvas.GetProperty("width").GetInt32());
        Assert.InRange(y + h, 1, canvas.GetProperty("height").GetInt32());
        return (canvasId, x, y, w, h);
    }

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^xywh=(\d+),(\d+),(\d+),(\d+)$")]
    private static partial Regex Xywh();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex NavDate();
}
