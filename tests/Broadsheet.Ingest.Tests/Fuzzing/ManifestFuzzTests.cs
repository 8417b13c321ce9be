using System.Text;
using System.Text.Json;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Tests.Support;
using CsCheck;

namespace Broadsheet.Ingest.Tests.Fuzzing;

/// <summary>
/// edition.json comes from whoever made the package. Whatever its bytes, reading it gives a manifest whose pages
/// have labels used once and files inside the package, or one line that starts with <c>edition.json: </c>; never
/// another exception (which the command line would show as a crash, and the desk as a failed job with no reason).
/// </summary>
// Fuzzing (thousands of generated inputs): the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class ManifestFuzzTests : IDisposable
{
    private const string Valid = """
        { "publication": "binjiang", "date": "2026-11-02", "edition": 1, "issueNumber": 12345,
          "pages": [ { "label": "01", "name": "头版", "section": "A", "file": "01.pdf", "pdfPage": 1 },
                     { "label": "02", "file": "pages/02.pdf" } ],
          "articles": [ { "kind": "story", "headline": "市政协召开专题协商会", "byline": "本报记者 周敏", "paragraphs": ["会议围绕老旧小区改造开展专题协商。"],
                          "regions": [ { "page": "01", "unit": "fraction", "polygon": [[0.1, 0.1], [0.9, 0.1], [0.9, 0.5], [0.1, 0.5]] } ],
                          "images": [ { "page": "02", "unit": "pt", "polygon": [[10, 10], [200, 10], [200, 300]], "caption": "c", "credit": "d" } ] } ] }
        """;

    /// <summary>JSON values of every type, leaning to those a schema or a deserialiser tells apart: 2.0 for 2, 1e400, -0, huge integers.</summary>
    private static readonly Gen<string> Atom = Gen.OneOf(
        Gen.OneOf("null", "true", "false", "0", "-0", "1", "-1", "2.0", "1.5", "1e400", "-1e400", "2147483648", "-2147483649", "99999999999999999999", "1e-400", "[]", "{}", "\"\"", "[[]]", "[[0.5,0.5]]"),
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0"),
        Fuzz.Text(12).Select(s => JsonSerializer.Serialize(s)),
        Gen.OneOf("\"01\"", "\"A01\"", "\"2026-02-30\"", "\"2026-11-02\"", "\"../01.pdf\"", "\"/etc/passwd\"", "\"C:\\\\x.pdf\"", "\"01.pdf\"", "\"pages//02.pdf\"", "\"fraction\"", "\"pt\"", "\"px\"", "\"story\"", "\"\\u202e01\""));

    private static readonly string[] Fields =
        ["publication", "date", "edition", "issueNumber", "pages", "label", "name", "section", "file", "pdfPage", "articles", "kind", "headline", "byline", "paragraphs", "regions", "images", "page", "unit", "polygon", "caption", "credit"];

    private readonly TempFolder _folder = new();

    [Fact]
    public void Any_bytes_give_a_manifest_or_one_line_naming_edition_json() =>
        Gen.Byte.Array[0, 600].Sample(Check, iter: 3000, time: Fuzz.Seconds);

    [Fact]
    public void A_valid_manifest_with_a_few_bytes_changed_gives_a_manifest_or_one_line_naming_edition_json() =>
        Fuzz.Mutations(Encoding.UTF8.GetBytes(Valid)).Sample(Check, iter: 3000, time: Fuzz.Seconds);

    /// <summary>Structure-aware: the valid manifest with fields replaced by values of any type, or with fields it does not have.</summary>
    [Fact]
    public void A_manifest_with_any_value_in_any_field_gives_a_manifest_or_one_line_naming_edition_json() =>
        Gen.Select(Gen.Int[0, Fields.Length - 1].Array[1, 4], Atom.Array[4], Gen.Bool, (fields, values, rename) =>
        {
            var json = Valid;
            for (var i = 0; i < fields.Length; i++)
            {
                var field = Fields[fields[i]];
                var at = json.IndexOf($"\"{field}\": ", StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                if (rename)
                {
                    json = json.Insert(at + 1, "x");
                    continue;
                }

                var start = at + field.Length + 4;
                var end = ValueEnd(json, start);
                json = string.Concat(json.AsSpan(0, start), values[i], json.AsSpan(end));
            }

            return Encoding.UTF8.GetBytes(json);
        }).Sample(Check, iter: 3000, time: Fuzz.Seconds);

    private void Check(byte[] bytes)
    {
        var package = Path.Combine(_folder.Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(package);
        var path = Path.Combine(package, EditionManifest.FileName);
        File.WriteAllBytes(path, bytes);
        try
        {
            var manifest = ManifestReader.Read(path);
            var pages = manifest.Pages ?? [];
            if (pages.Select(p => p.Label).Distinct(StringComparer.Ordinal).Count() != pages.Count)
            {
                throw new InvalidOperationException("a manifest was taken with a page label used twice");
            }

            for (var i = 0; i < pages.Count; i++)
            {
                // Throws the one-line refusal when the file lies outside: that is the contract too.
                var full = ManifestReader.Resolve(package, pages[i].File, i);
                if (!full.StartsWith(package + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"page file {pages[i].File} resolves outside the package: {full}");
                }
            }
        }
        catch (ImportException ex)
        {
            Fuzz.AssertOneLineNaming(EditionManifest.FileName + ": ", ex);
        }
        finally
        {
            Directory.Delete(package, recursive: true);
        }
    }

    /// <summary>Where the JSON value starting at <paramref name="start"/> ends (a string, a bracketed value or a bare token).</summary>
    private static int ValueEnd(string json, int start)
    {
        if (json[start] == '"')
        {
            var i = start + 1;
            while (json[i] != '"')
            {
                i += json[i] == '\\' ? 2 : 1;
            }

            return i + 1;
        }

        if (json[start] is '[' or '{')
        {
            var depth = 0;
            var inString = false;
            for (var i = start; i < json.Length; i++)
            {
                var c = json[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                if (c == '"')
                {
                    inString = true;
                }
                else if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}' && --depth == 0)
                {
                    return i + 1;
                }
            }
        }

        var end = start;
        while (end < json.Length && json[end] is not (',' or '}' or ']' or ' ' or '\n' or '\r'))
        {
            end++;
        }

        return end;
    }

    public void Dispose() => _folder.Dispose();
}
