using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Core.Model;

/// <summary>
/// One printed line of a page, whoever it belongs to: its text, its box normalised to 0..1 of the page (origin
/// top-left), its type size in points and whether it is bold.
/// </summary>
public sealed record PageLayoutLine(
    [property: JsonPropertyName("t")] string Text,
    [property: JsonPropertyName("l")] double Left,
    [property: JsonPropertyName("y")] double Top,
    [property: JsonPropertyName("r")] double Right,
    [property: JsonPropertyName("b")] double Bottom,
    [property: JsonPropertyName("s")] double Size,
    [property: JsonPropertyName("w")] bool Bold = false)
{
    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;
}

/// <summary>A picture printed on the page (a photo, a graphic), its box normalised to 0..1 of the page.</summary>
public sealed record PageLayoutImage(
    [property: JsonPropertyName("l")] double Left,
    [property: JsonPropertyName("y")] double Top,
    [property: JsonPropertyName("r")] double Right,
    [property: JsonPropertyName("b")] double Bottom);

/// <summary>Everything printed on a page as the importer read it: every line (not only the articles') and every picture.</summary>
public sealed record PageLayoutData(
    [property: JsonPropertyName("lines")] IReadOnlyList<PageLayoutLine> Lines,
    [property: JsonPropertyName("images")] IReadOnlyList<PageLayoutImage> Images)
{
    public static PageLayoutData Empty { get; } = new([], []);
}

/// <summary>
/// The page's whole text layer, stored beside its images as <see cref="FileName"/>: what the desk shows as the
/// page's lines and blocks, checks for text no article holds, and lets an editor pick text from. Lines are in
/// the order the page's text was read (top to bottom, then left to right); a line's index is its name.
/// </summary>
public static class PageLayoutFile
{
    /// <summary>The file name under a page's images key.</summary>
    public const string FileName = "layout.json";

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, PageLayoutData layout) => JsonSerializer.Serialize(stream, layout, Options);

    public static async Task<PageLayoutData> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync<PageLayoutData>(stream, Options, cancellationToken) ?? PageLayoutData.Empty;
}
