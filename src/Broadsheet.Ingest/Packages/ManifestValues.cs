using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// What a manifest's bytes and numbers must be before the schema sees them: the JSON reader and the schema
/// library assume UTF-8 text and numbers a decimal can hold, and otherwise throw exceptions that name nothing.
/// Found by fuzzing (tests/Broadsheet.Ingest.Tests/Fuzzing).
/// </summary>
internal static class ManifestValues
{
    /// <summary>Throws the one-line refusal when the bytes are not UTF-8, naming the offset of the first that is not.</summary>
    public static void CheckUtf8(ReadOnlySpan<byte> json, string name)
    {
        var at = 0;
        while (at < json.Length)
        {
            if (Rune.DecodeFromUtf8(json[at..], out _, out var consumed) != OperationStatus.Done)
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: is not UTF-8 text (byte {at} is 0x{json[at]:X2}); save the manifest as UTF-8"));
            }

            at += consumed;
        }
    }

    /// <summary>Throws the one-line refusal at the first number too large or too precise to hold (1e400).</summary>
    public static void CheckNumbers(JsonElement element, string name, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when !element.TryGetDecimal(out _):
                var text = element.GetRawText();
                throw new ImportException($"{name}: {path}: the number {(text.Length > 24 ? text[..24] + "…" : text)} is out of range");
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CheckNumbers(property.Value, name, path + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckNumbers(item, name, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"));
                }

                break;
        }
    }

    /// <summary>A value the schema let through but the model cannot take (2.0 or 3000000000 for a page number), as one line.</summary>
    public static string Describe(JsonException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var where = ex.Path is { Length: > 0 } path ? path : "$";
        return $"{where}: a value of the wrong type or out of range";
    }
}
