using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Bench.Accuracy.Corpus;

/// <summary>One article of a real page's ground truth (<c>*.truth.json</c> beside the page in the shared corpus).</summary>
internal sealed record CorpusTruthArticle(
    [property: JsonPropertyName("headline")] string Headline,
    [property: JsonPropertyName("kicker")] string? Kicker,
    [property: JsonPropertyName("subheadline")] string? Subheadline,
    [property: JsonPropertyName("byline")] string? Byline,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("contains")] IReadOnlyList<string> Contains);

/// <summary>A real page with its ground truth: the PDF and what a person read off the printed page.</summary>
internal sealed record CorpusPage(string Name, string PdfPath, IReadOnlyList<CorpusTruthArticle> Articles)
{
    /// <summary>The pages with truth in <paramref name="folder"/>, by name; none when the folder is absent.</summary>
    public static IReadOnlyList<CorpusPage> In(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder, "*.truth.json").Order(StringComparer.Ordinal).Select(truth =>
        {
            var name = Path.GetFileName(truth)[..^".truth.json".Length];
            using var stream = File.OpenRead(truth);
            var parsed = JsonSerializer.Deserialize<TruthFile>(stream) ?? throw new InvalidDataException($"{truth}: empty");
            return new CorpusPage(name, Path.Combine(folder, name + ".pdf"), parsed.Articles);
        }).Where(p => File.Exists(p.PdfPath))];
    }

    /// <summary>
    /// The shared corpus's folder of real pages: <c>../shared/corpus/real</c> from the repository root, found by
    /// walking up from <paramref name="start"/>; null when this machine has no corpus.
    /// </summary>
    public static string? FindFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "real");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed record TruthFile([property: JsonPropertyName("articles")] IReadOnlyList<CorpusTruthArticle> Articles);
}
