using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Broadsheet.Web.OpenData.Iiif;

/// <summary>Writing IIIF JSON-LD: language maps, the media types the specifications ask for, and CORS.</summary>
internal static class IiifJson
{
    public const string PresentationContext = "http://iiif.io/api/presentation/3/context.json";
    public const string ImageContext = "http://iiif.io/api/image/3/context.json";
    public const string SearchContext = "http://iiif.io/api/search/2/context.json";

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A language map, <c>{"zh-CN": ["…"]}</c>; <c>none</c> for text in no language (labels like "01").</summary>
    public static JsonObject Text(string language, params string[] values) =>
        new() { [language] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };

    /// <summary>A label and value pair for <c>metadata</c> or <c>requiredStatement</c>.</summary>
    public static JsonObject Pair(string language, string label, string value) =>
        new() { ["label"] = Text(language, label), ["value"] = Text(language, value) };

    /// <summary>
    /// The document with the media type its specification recommends, readable by any origin (IIIF viewers and
    /// aggregators fetch it from their own sites), with an entity tag of its bytes and a 304 for a harvester that
    /// already has them.
    /// </summary>
    public static IResult Document(HttpContext context, JsonObject document, string profile)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        AllowAnyOrigin(context.Response);
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Caching.EntityTags.Answer(context, JsonSerializer.SerializeToUtf8Bytes(document, Options), $"application/ld+json; profile=\"{profile}\"; charset=utf-8");
    }

    public static void AllowAnyOrigin(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.AccessControlAllowOrigin = "*";
    }

    /// <summary>A 404 that a viewer on another site can read too.</summary>
    public static IResult NotFound(HttpContext context, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        AllowAnyOrigin(context.Response);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }
}
