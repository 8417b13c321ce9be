using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>
/// Takes out of a JSON document what names a service only the live app answers (a IIIF manifest's Content Search
/// service): in a static export it would be a link to nothing.
/// </summary>
internal static class JsonPruner
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document without the objects whose <c>id</c> (or <c>@id</c>) and the strings that <paramref name="isDynamic"/> names; null when it names none.</summary>
    public static string? Prune(string json, Func<string, bool> isDynamic)
    {
        ArgumentNullException.ThrowIfNull(isDynamic);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        return root is not null && Walk(root, isDynamic) ? root.ToJsonString(Compact) : null;
    }

    private static bool Walk(JsonNode node, Func<string, bool> isDynamic)
    {
        var changed = false;
        if (node is JsonArray array)
        {
            for (var i = array.Count - 1; i >= 0; i--)
            {
                if (array[i] is { } item && Names(item, isDynamic))
                {
                    array.RemoveAt(i);
                    changed = true;
                }
                else if (array[i] is { } kept)
                {
                    changed |= Walk(kept, isDynamic);
                }
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                if (value is not null && Names(value, isDynamic))
                {
                    obj.Remove(name);
                    changed = true;
                }
                else if (value is not null)
                {
                    changed |= Walk(value, isDynamic);
                }
            }

            if (obj["service"] is JsonArray { Count: 0 })
            {
                obj.Remove("service");
            }
        }

        return changed;
    }

    private static bool Names(JsonNode node, Func<string, bool> isDynamic) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => isDynamic(text),
        JsonObject obj => (obj["id"] ?? obj["@id"]) is JsonValue id && id.TryGetValue<string>(out var url) && isDynamic(url),
        _ => false,
    };
}
