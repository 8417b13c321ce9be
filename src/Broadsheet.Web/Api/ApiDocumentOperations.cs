using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Broadsheet.Web.Api;

/// <summary>
/// What the endpoints' types do not say by themselves: a summary of each operation, an example for each answer,
/// the search's query parameters (read by <see cref="Search.SearchRequest"/>, not bound one by one), and the
/// validators every answer carries.
/// </summary>
internal static class ApiDocumentOperations
{
    private static readonly Dictionary<string, (string Summary, string Description)> Texts = new(StringComparer.Ordinal)
    {
        ["ListEditions"] = ("A paper and its published editions", "Every published edition of the paper, newest first, each with the URL of its full answer."),
        ["GetEdition"] = ("One edition: its pages and their articles", "The edition's pages in order, and each page's articles in reading order with their text, photos and regions. A day with a second edition has it at ?number=2."),
        ["GetPageText"] = ("One page's text, placed on the page", "The page's articles in reading order with each paragraph's printed lines as boxes on the page image, for reading aloud along the page."),
        ["GetEditionText"] = ("One edition's text, for reuse", "Every article once, in the edition's reading order: its printed fields, its paragraphs with their kinds, its photos' captions, the pages it is printed on, and the paper's licence."),
        ["GetEditionAlto"] = ("One edition's text as ALTO 4", "A Page per page in pixels of the page image, a TextBlock per article (ID P{page}_A{n}), its printed lines as TextLines and their words as Strings with boxes (docs/api.md says how the boxes are found)."),
        ["GetYearArchive"] = ("A paper's year as one zip", "LICENCE.txt, then each published edition of the year, oldest first, as {date}/text.json and {date}/alto.xml; streamed as it is made (no Content-Length); its weak ETag comes from the editions it holds and the paper's licence, so If-None-Match gets a 304 until one of them changes."),
        ["Search"] = ("Search every published article", "The search of the reader's /search page: words, \"phrases\", -excluded words; hits newest or most relevant first, with facets."),
    };

    private static readonly (string Name, string Description, string? Format)[] SearchParameters =
    [
        ("q", "The words to find (the reader's query language); without it, no hits.", null),
        ("pub", "Only this paper (its slug).", null),
        ("edition", "Only this edition (with pub), named as in the reader's URLs: yyyy-MM-dd is the day's first edition, yyyy-MM-dd_2 its second.", null),
        ("from", "Only editions from this day on (yyyy-MM-dd).", "date"),
        ("to", "Only editions up to this day (yyyy-MM-dd).", "date"),
        ("pagename", "Only articles on pages of this name (头版) or section.", null),
        ("sort", "newest or oldest; most relevant first when absent.", null),
        ("p", "The page of hits, from 1 (at most 1000).", null),
        ("size", "Hits a page, 20 unless given.", null),
    ];

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var id = operation.OperationId ?? "";
        if (Texts.TryGetValue(id, out var text))
        {
            operation.Summary = text.Summary;
            operation.Description = text.Description;
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Description ??= ParameterText(parameter.Name);
            if (parameter.Name == "date" && parameter.Schema is OpenApiSchema date)
            {
                date.Format = "date";
            }

            // Read as text by the endpoint so that a bad value gets a problem naming it; it is a number all the same.
            if (parameter.Name == "number" && parameter.Schema is OpenApiSchema number)
            {
                number.Type = JsonSchemaType.Integer;
                number.Format = "int32";
            }
        }

        if (id == "Search")
        {
            operation.Parameters ??= [];
            foreach (var (name, description, format) in SearchParameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Description = description,
                    Schema = new OpenApiSchema
                    {
                        Type = name is "p" or "size" ? JsonSchemaType.Integer : JsonSchemaType.String,
                        Format = format,
                    },
                });
            }
        }

        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            Describe(id, status, concrete, json);
        }

        return Task.CompletedTask;
    }

    private static void Describe(string id, string status, OpenApiResponse response, JsonSerializerOptions json)
    {
        switch (status)
        {
            case "200":
                response.Description = "The answer, with an ETag to send back in If-None-Match.";
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                response.Headers["ETag"] = new OpenApiHeader { Description = "A hash of the body; send it in If-None-Match to get a 304 while it still holds.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                response.Headers["Cache-Control"] = new OpenApiHeader { Description = "public, max-age=60 unless the site says otherwise, as for reader pages.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                if (ApiExamples.Of(id) is { } example && response.Content?.TryGetValue("application/json", out var media) == true)
                {
                    media.Example = JsonSerializer.SerializeToNode(example, example.GetType(), json);
                }

                OpenData.Bulk.BulkExamples.Describe(id, response);

                return;
            case "304":
                response.Description = "Not modified: the ETag in If-None-Match still holds; no body.";
                return;
            default:
                response.Description = ProblemText(status);
                if (response.Content?.TryGetValue("application/problem+json", out var problem) == true)
                {
                    problem.Example = ProblemExample(id, status);
                }

                return;
        }
    }

    private static string? ParameterText(string? name) => name switch
    {
        "slug" => "The paper, as in the reader's URLs (binjiang).",
        "date" => "The edition's date, yyyy-MM-dd, in the paper's own time zone.",
        "number" => "The edition of that day, when it has more than one; 1 unless given.",
        "label" => "The page's label as printed (01, A01).",
        _ => null,
    };

    private static string ProblemText(string status) => status switch
    {
        "400" => "A parameter has the wrong form (a problem naming it).",
        "404" => "No such publication, published edition or page (a problem saying which).",
        "429" => "Too many searches from this address; Retry-After says how many seconds to wait.",
        "503" => "The search index is being rebuilt; try again in a minute.",
        _ => "An error, as a problem.",
    };

    private static JsonNode ProblemExample(string id, string status)
    {
        var (title, detail) = status switch
        {
            "400" => ("Bad request", "'two' is not an edition number: ?number= takes 1, 2, … (the day's first edition is 1)."),
            "404" when id == "ListEditions" => ("Not Found", "There is no publication 'nosuchpaper'."),
            "404" when id == "GetPageText" => ("Not Found", "There is no page '09' in a published edition of 'binjiang' on '2026-11-02'."),
            "404" => ("Not Found", "There is no published edition of 'binjiang' on 2026-11-03."),
            "429" => ("Too many requests", "Too many searches from this address; wait a minute (see the Retry-After header)."),
            "503" => ("Search unavailable", "The search index is being rebuilt; try again in a minute."),
            _ => ("Error", "What went wrong."),
        };
        return new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15." + (status[0] == '4' ? "5" : "6"),
            ["title"] = title,
            ["status"] = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = detail,
        };
    }

    /// <summary>
    /// The web JSON options read numbers from strings too, which the schema generator writes as "integer or a
    /// string of digits"; the API only ever writes numbers, and the document says what it writes.
    /// </summary>
    public static Task TransformSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
