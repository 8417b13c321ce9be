using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Core.Model;

/// <summary>One printed line of a page's articles: its text and its box, normalised to 0..1 of the page (origin top-left).</summary>
/// <param name="Text">The line as read.</param>
/// <param name="Left">Left edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Bottom">Bottom edge.</param>
public sealed record PageTextLine(
    [property: JsonPropertyName("t")] string Text,
    [property: JsonPropertyName("l")] double Left,
    [property: JsonPropertyName("y")] double Top,
    [property: JsonPropertyName("r")] double Right,
    [property: JsonPropertyName("b")] double Bottom);

/// <summary>
/// The lines of a page's articles in reading order, stored beside the page's images as
/// <see cref="FileName"/>: what lets the reader mark a searched phrase on the page image.
/// </summary>
public static class PageTextLayer
{
    /// <summary>The file name under a page's images key.</summary>
    public const string FileName = "lines.json";

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, IReadOnlyList<PageTextLine> lines) =>
        JsonSerializer.Serialize(stream, lines, Options);

    public static async Task<IReadOnlyList<PageTextLine>> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync<List<PageTextLine>>(stream, Options, cancellationToken) ?? [];
}
