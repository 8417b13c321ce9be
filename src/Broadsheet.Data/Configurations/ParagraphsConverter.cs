using System.Text.Encodings.Web;
using System.Text.Json;
using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Broadsheet.Data;

/// <summary>
/// Stores an article's paragraphs as one JSON array in the column that held them as strings: a body paragraph is still
/// a string, a sub-head, caption, credit or run-in title an object (<see cref="ParagraphJsonConverter"/>), so rows
/// written before paragraphs had kinds read as body text and no data migrates.
/// </summary>
internal sealed class ParagraphsConverter() : ValueConverter<List<Paragraph>, string>(p => Write(p), s => Read(s))
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compares by value so that changing a paragraph's kind or text is saved.</summary>
    public static ValueComparer<List<Paragraph>> Comparer { get; } = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        p => p.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        p => p.ToList());

    private static string Write(List<Paragraph> paragraphs) => JsonSerializer.Serialize(paragraphs, Json);

    private static List<Paragraph> Read(string json) => JsonSerializer.Deserialize<List<Paragraph>>(json, Json) ?? [];
}
