using System.Globalization;
using System.Text.Json;
using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// Reads a package's <c>edition.json</c> defensively: bounded in size and depth, strict JSON (no comments,
/// no trailing commas, no duplicate property names), checked against the schema, then checked for what a
/// schema cannot express: page files inside the package, page labels used once. An <c>edition.xml</c> is
/// refused unread: XML can pull in external entities, and nothing here parses XML.
/// </summary>
internal static class ManifestReader
{
    /// <summary>Deepest nesting a manifest may have; the schema's deepest is 7 (article, region, polygon, point).</summary>
    public const int MaxDepth = 16;

    /// <summary>Largest manifest read: 16 MiB is some thousand articles of full text.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private const string XmlFileName = "edition.xml";

    /// <summary>The manifest in <paramref name="folder"/>, or null when the package has none.</summary>
    public static EditionManifest? ReadFrom(string folder)
    {
        if (File.Exists(Path.Combine(folder, XmlFileName)))
        {
            throw new ImportException($"{XmlFileName}: XML manifests are not accepted; describe the edition in {EditionManifest.FileName} (see docs/formats.md)");
        }

        var path = Path.Combine(folder, EditionManifest.FileName);
        return File.Exists(path) ? Read(path) : null;
    }

    public static EditionManifest Read(string path)
    {
        const string name = EditionManifest.FileName;
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture, $"{name}: is {length / (1024.0 * 1024):0.#} MB, more than the {MaxBytes / (1024 * 1024)} MB a manifest may have"));
        }

        var bytes = File.ReadAllBytes(path);
        var json = bytes.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var start = json.Span.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            throw new ImportException($"{name}: the file is empty");
        }

        if (json.Span[start] == (byte)'<')
        {
            throw new ImportException($"{name}: holds XML, not JSON; XML manifests are not accepted (see docs/formats.md)");
        }

        ManifestValues.CheckUtf8(json.Span, name);
        JsonDocument document;
        try
        {
            // The parser refuses duplicate names too, but without saying where; this says where.
            if (JsonDuplicates.Find(json.Span, MaxDepth) is var (where, property))
            {
                throw new ImportException($"{name}: {where}: the property '{property}' is given twice; give each property once");
            }

            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                MaxDepth = MaxDepth,
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
                AllowDuplicateProperties = false,
            });
        }
        catch (JsonException ex)
        {
            throw new ImportException($"{name}: {Describe(ex)}", ex);
        }

        using (document)
        {
            ManifestValues.CheckNumbers(document.RootElement, name);
            ManifestSchema.Check(document.RootElement);
            EditionManifest? manifest;
            try
            {
                manifest = document.RootElement.Deserialize(ManifestJsonContext.Default.EditionManifest);
            }
            catch (JsonException ex)
            {
                throw new ImportException($"{name}: {ManifestValues.Describe(ex)}", ex);
            }

            manifest = manifest ?? throw new ImportException($"{name}: $: expected an object");
            CheckPages(manifest);
            return manifest;
        }
    }

    /// <summary>Where a manifest's page file is, or an <see cref="ImportException"/> when the path is absolute or climbs out of the package.</summary>
    public static string Resolve(string packageFolder, string file, int index)
    {
        var where = $"$.pages[{index.ToString(CultureInfo.InvariantCulture)}].file";
        var unsafePath = file.Any(char.IsControl)
            || file.Contains('\\', StringComparison.Ordinal)
            || file.StartsWith('/')
            || file.Contains(':', StringComparison.Ordinal)
            || Path.IsPathRooted(file)
            || file.Split('/').Any(s => s is ".." or "");
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(packageFolder)) + Path.DirectorySeparatorChar;

        // A control character (NUL above all) is refused before GetFullPath, which throws on NUL.
        var full = unsafePath ? "" : Path.GetFullPath(Path.Combine(root, file));
        if (unsafePath || !full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ImportException($"{EditionManifest.FileName}: {where}: '{file}' is not a path inside the package; give page files relative to the package root, like pages/01.pdf");
        }

        return full;
    }

    private static void CheckPages(EditionManifest manifest)
    {
        if (manifest.Date is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ImportException($"{EditionManifest.FileName}: $.date: {date} is not a date on the calendar");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < (manifest.Pages?.Count ?? 0); i++)
        {
            var label = PageLabel.Normalise(manifest.Pages![i].Label);
            if (seen.TryGetValue(label, out var first))
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{EditionManifest.FileName}: $.pages[{i}].label: page label {label} is also used by $.pages[{first}]; each page may appear once"));
            }

            seen[label] = i;
        }
    }

    private static string Describe(JsonException ex)
    {
        var where = ex.Path is { Length: > 0 } path ? path : "$";
        var line = (ex.LineNumber ?? 0) + 1;
        var column = (ex.BytePositionInLine ?? 0) + 1;
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var problem = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        if (problem.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"nested deeper than {MaxDepth} levels");
            where = "$";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{where}: not valid JSON at line {line}, column {column}: {problem}");
    }
}
