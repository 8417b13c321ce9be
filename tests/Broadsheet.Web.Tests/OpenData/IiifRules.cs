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
        }
    }

    /// <summary>A Manifest: context, id, type, label, canvases with sizes and painting annotations; returns the canvases by id.</summary>
    public static Dictionary<string, JsonElement> Manifest(JsonElement manifest)
    {
        Assert.Equal(Presentation, manifest.GetProperty("@context").GetString());
        Resource(manifest, "Manifest");
        LanguageMap(manifest.GetProperty("label"), "manifest");
        Assert.Matches(NavDate(), manifest.GetProperty("navDate").GetString()!);
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
