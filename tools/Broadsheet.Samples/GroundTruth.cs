using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Samples;

/// <summary>Reads (and, inside this assembly, writes) the ground-truth JSON written beside each sample page PDF.</summary>
/// <remarks>
/// The file is an object: <c>{ "publication", "date", "page": { "label", "name", "widthPt", "heightPt", "pdf" }, "articles": [ … ] }</c>,
/// camelCase, enums as camelCase strings, Chinese unescaped so the file can be read by eye.
/// </remarks>
public static partial class GroundTruth
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The articles of one page's truth file, in reading order.</summary>
    public static IReadOnlyList<TruthArticle> Read(string truthJsonPath)
    {
        using var stream = File.OpenRead(truthJsonPath);
        var file = JsonSerializer.Deserialize<TruthFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{truthJsonPath} holds no ground truth.");
        return file.Articles;
    }

    /// <summary>One page's truth file: the page (with whether its text can be read back) and its articles.</summary>
    public static TruthPage ReadPage(string truthJsonPath)
    {
        using var stream = File.OpenRead(truthJsonPath);
        var file = JsonSerializer.Deserialize<TruthFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{truthJsonPath} holds no ground truth.");
        return new TruthPage(file.Page, file.Articles);
    }

    internal static void Write(string path, TruthFile file)
    {
        // Even the relaxed encoder escapes the ideographic space that separates headline phrases; it is unescaped
        // again so the file reads as printed (the text itself never holds a backslash). Line endings are fixed so
        // the bytes never depend on the platform.
        var json = JsonSerializer.Serialize(file, JsonOptions);
        json = IdeographicSpace().Replace(json, "\u3000").ReplaceLineEndings("\n") + "\n";
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(json));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\\)\\u3000")]
    private static partial System.Text.RegularExpressions.Regex IdeographicSpace();
}

internal sealed record TruthFile(string Publication, string Date, TruthPageInfo Page, IReadOnlyList<TruthArticle> Articles);

/// <summary>A page of a sample edition: label, name, size in points and PDF file name.</summary>
/// <param name="Label">Page label, "01".</param>
/// <param name="Name">Page name, "头版".</param>
/// <param name="WidthPt">Width in points.</param>
/// <param name="HeightPt">Height in points.</param>
/// <param name="Pdf">File name of the page's PDF.</param>
public sealed record TruthPageInfo(string Label, string Name, double WidthPt, double HeightPt, string Pdf)
{
    /// <summary>
    /// True when the page's fonts map their glyphs to no usable characters, so the articles printed on it cannot be
    /// read back from the PDF: an importer must mark the page for review, not publish what it reads. Absent otherwise.
    /// </summary>
    public bool? TextUnreadable { get; init; }
}

/// <summary>One page's truth file.</summary>
/// <param name="Page">The page.</param>
/// <param name="Articles">Its articles in reading order (see <see cref="TruthArticle"/>).</param>
public sealed record TruthPage(TruthPageInfo Page, IReadOnlyList<TruthArticle> Articles)
{
    /// <summary>Whether the page's text cannot be read back (see <see cref="TruthPageInfo.TextUnreadable"/>).</summary>
    public bool TextUnreadable => Page.TextUnreadable == true;
}
