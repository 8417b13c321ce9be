using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// Checks a manifest against <c>docs/edition.schema.json</c> (embedded in this assembly, so the documented
/// schema and the enforced one are the same file) and turns the validator's findings into one line that
/// names <c>edition.json</c>, the JSON path and the problem.
/// </summary>
internal static class ManifestSchema
{
    public const string ResourceName = "Broadsheet.Ingest.edition.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema's text, as shipped.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Throws <see cref="ImportException"/> describing the first problem (and counting the others) when the manifest does not conform.</summary>
    public static void Check(JsonElement manifest)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, Culture = CultureInfo.InvariantCulture };
        var results = Schema.Value.Evaluate(manifest, options);
        if (results.IsValid)
        {
            return;
        }

        var problems = Problems(results).Distinct().ToList();
        if (problems.Count == 0)
        {
            problems.Add("$: does not match the edition manifest schema");
        }

        var others = problems.Count - 1;
        var more = others == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" (and {others} more {(others == 1 ? "problem" : "problems")})");
        throw new ImportException($"{EditionManifest.FileName}: {problems[0]}{more}");
    }

    private static IEnumerable<string> Problems(EvaluationResults results)
    {
        var all = results.HasDetails ? results.Details.Prepend(results) : [results];
        foreach (var result in all)
        {
            if (result.IsValid || !result.HasErrors)
            {
                continue;
            }

            var location = JsonPath(result.InstanceLocation.ToString());
            var evaluation = result.EvaluationPath.ToString();

            // An "if" that does not match is no error: it only picks "then" or "else".
            if (evaluation.Contains("/if/", StringComparison.Ordinal) || evaluation.EndsWith("/if", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (keyword, message) in result.Errors!)
            {
                // Branch failures only repeat what the branch's own keywords already said.
                if (keyword is "if" or "then" or "else" or "allOf" or "$ref")
                {
                    continue;
                }

                yield return $"{location}: {Describe(keyword, message, evaluation, result.InstanceLocation.ToString())}";
            }
        }
    }

    private static string Describe(string keyword, string message, string evaluationPath, string instancePointer)
    {
        if (evaluationPath.Contains("/additionalProperties", StringComparison.Ordinal)
            || evaluationPath.Contains("/unevaluatedProperties", StringComparison.Ordinal))
        {
            var name = instancePointer[(instancePointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            return $"unknown property '{name}'";
        }

        var property = instancePointer[(instancePointer.LastIndexOf('/') + 1)..];
        return keyword switch
        {
            "required" => Missing(message),
            "type" => WrongType(message),
            "pattern" => PatternHints.TryGetValue(property, out var hint) ? hint : message,
            _ => message,
        };
    }

    /// <summary>What a value that fails its pattern should look like, by property name.</summary>
    private static readonly Dictionary<string, string> PatternHints = new(StringComparer.Ordinal)
    {
        ["label"] = "a page label is 1 to 8 letters or digits, such as 01 or A01",
        ["page"] = "a page label is 1 to 8 letters or digits, such as 01 or A01",
        ["file"] = "a page file is a .pdf, .jpg, .jpeg, .png, .tif or .tiff",
        ["date"] = "a date is written yyyy-MM-dd, such as 2026-11-02",
        ["publication"] = "a publication slug is 1 to 64 lowercase letters, digits or hyphens",
        ["headline"] = "a headline cannot be blank",
    };

    /// <summary>"Value is "integer" but should be "string"" as a person says it: "should be a string, not an integer".</summary>
    private static string WrongType(string message)
    {
        var quoted = message.Split('"').Where((_, i) => i % 2 == 1).ToList();
        if (quoted.Count != 2)
        {
            return message;
        }

        static string A(string word) => ("aeiou".Contains(word[0], StringComparison.Ordinal) ? "an " : "a ") + word;
        return $"should be {A(quoted[1])}, not {A(quoted[0])}";
    }

    private static string Missing(string message)
    {
        var names = message.Split('"').Where((_, i) => i % 2 == 1).Select(n => $"'{n}'").ToList();
        return names.Count switch
        {
            0 => message,
            1 => $"missing required property {names[0]}",
            _ => $"missing required properties {string.Join(", ", names)}",
        };
    }

    /// <summary>Turns a JSON Pointer (<c>/pages/1/file</c>) into the JSON path people read (<c>$.pages[1].file</c>).</summary>
    internal static string JsonPath(string pointer)
    {
        var sb = new StringBuilder("$");
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(segment).Append(']');
            }
            else
            {
                sb.Append('.').Append(segment);
            }
        }

        return sb.ToString();
    }

    private static JsonSchema Load() => JsonSchema.FromText(Text);
}
