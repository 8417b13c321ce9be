using System.Text.Json.Nodes;
using Json.Schema;

namespace Broadsheet.Web.Tests.Api;

/// <summary>
/// The API's OpenAPI document read as the contract: a response's schema becomes a JSON Schema (2020-12, the dialect
/// of OpenAPI 3.1) with the document's components as <c>$defs</c>, made strict the way the API writes JSON: every
/// property is written (nulls too), and none that the document does not name (problem details excepted).
/// </summary>
internal sealed class ApiContract(JsonObject document)
{
    private const string ComponentsPrefix = "#/components/schemas/";

    public JsonObject Document { get; } = document;

    public JsonObject Paths => Document["paths"]!.AsObject();

    /// <summary>The operation for <paramref name="method"/> (lowercase) at <paramref name="path"/>, as the document lists it.</summary>
    public JsonObject Operation(string path, string method) =>
        Paths[path]?[method]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"The API document has no {method} {path}.");

    public JsonObject Response(string path, string method, int status) =>
        Operation(path, method)["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"The API document has no {status} for {method} {path}.");

    /// <summary>Validates <paramref name="body"/> against the schema of that response's <paramref name="mediaType"/>; the errors, one a line, or empty.</summary>
    public IReadOnlyList<string> Validate(string path, string method, int status, string mediaType, JsonNode? body)
    {
        var schema = Response(path, method, status)["content"]?[mediaType]?["schema"]
            ?? throw new Xunit.Sdk.XunitException($"The {status} of {method} {path} has no {mediaType} schema.");
        return Validate(schema, body);
    }

    public IReadOnlyList<string> Validate(JsonNode schema, JsonNode? body)
    {
        var root = Strict(Rewrite(schema.DeepClone())).AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$id"] = "https://broadsheet.test/contract/" + Guid.NewGuid().ToString("N");
        var defs = new JsonObject();
        foreach (var (name, definition) in Document["components"]?["schemas"]?.AsObject() ?? [])
        {
            // Problem details carry extensions (traceId) and leave out what they do not have (instance), by RFC 9457.
            var copy = Rewrite(definition!.DeepClone());
            defs[name] = name.Contains("ProblemDetails", StringComparison.Ordinal) ? copy : Strict(copy);
        }

        root["$defs"] = defs;
        var results = JsonSchema.FromText(root.ToJsonString()).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    private static JsonNode Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
                    {
                        obj["$ref"] = "#/$defs/" + reference[ComponentsPrefix.Length..];
                    }
                    else if (value is not null)
                    {
                        Rewrite(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Rewrite(item);
                    }
                }

                break;
        }

        return node;
    }

    /// <summary>Every object schema with properties requires all of them and allows no others.</summary>
    private static JsonNode Strict(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties && obj["additionalProperties"] is null)
                {
                    obj["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Key)]);
                    obj["additionalProperties"] = false;
                }

                foreach (var (_, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        Strict(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Strict(item);
                    }
                }

                break;
        }

        return node;
    }
}
