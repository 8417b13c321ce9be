using System.Text.Json;

namespace Broadsheet.Ingest.Archives;

/// <summary>
/// One article of an <c>edition.json</c> manifest (docs/formats.md) as the archive readers write it: the fields a
/// typesetting export or an old site gives, and its outlines in page fractions. Founder's export and a site mirror
/// both turn into such a manifest for the one import job.
/// </summary>
internal static class ManifestArticleJson
{
    public static void Write(
        Utf8JsonWriter json,
        string kind,
        string? kicker,
        string headline,
        string? subheadline,
        string? byline,
        IEnumerable<string> paragraphs,
        IEnumerable<(string Page, IEnumerable<(double X, double Y)> Polygon)> regions)
    {
        json.WriteStartObject();
        json.WriteString("kind", kind);
        WriteOptional(json, "kicker", kicker);
        json.WriteString("headline", headline);
        WriteOptional(json, "subheadline", subheadline);
        WriteOptional(json, "byline", byline);
        json.WriteStartArray("paragraphs");
        foreach (var paragraph in paragraphs)
        {
            json.WriteStringValue(paragraph);
        }

        json.WriteEndArray();
        json.WriteStartArray("regions");
        foreach (var (page, polygon) in regions)
        {
            json.WriteStartObject();
            json.WriteString("page", page);
            json.WriteStartArray("polygon");
            foreach (var (x, y) in polygon)
            {
                json.WriteStartArray();
                json.WriteNumberValue(Math.Round(x, 6));
                json.WriteNumberValue(Math.Round(y, 6));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
