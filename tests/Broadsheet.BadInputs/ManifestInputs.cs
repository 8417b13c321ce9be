using System.Globalization;
using System.Text;
using static Broadsheet.BadInputs.Packages;

namespace Broadsheet.BadInputs;

/// <summary>Manifests with wrong types and tricks, and the XML an edition package might bring.</summary>
internal static class ManifestInputs
{
    public static IEnumerable<BadInput> All()
    {
        yield return Json("manifest-wrong-types", "numbers where strings go",
            """{ "date": 20261102, "pages": [ { "label": "01", "file": "01-Front.pdf", "pdfPage": "one" } ] }""",
            "edition.json: $.date: should be a string, not an integer");
        yield return Json("manifest-unknown-property", "a property the format does not have",
            """{ "pages": [ { "label": "01", "file": "01-Front.pdf", "colour": "red" } ] }""",
            "edition.json: $.pages[0].colour: unknown property 'colour'");
        yield return Json("manifest-nested-10000-deep", "arrays nested 10,000 deep",
            "{\"pages\": " + new string('[', 10_000) + new string(']', 10_000) + "}", "edition.json: $: not valid JSON at line 1, column ");
        yield return Json("manifest-duplicate-keys", "the date given twice, differently",
            """{ "date": "2026-11-02", "date": "2026-11-09", "pages": [ { "label": "01", "file": "01-Front.pdf" } ] }""",
            "edition.json: $: the property 'date' is given twice");
        yield return Json("manifest-comments", "JavaScript comments in JSON",
            "{\n  // the desk wrote a note\n  \"pages\": [ { \"label\": \"01\", \"file\": \"01-Front.pdf\" } ]\n}", "edition.json: $: not valid JSON at line 2, column 3");
        yield return Json("manifest-path-escapes", "a page file outside the package",
            """{ "pages": [ { "label": "01", "file": "../01-Front.pdf" } ] }""", "edition.json: $.pages[0].file: '../01-Front.pdf' is not a path inside the package");
        yield return Json("manifest-absolute-path", "a page file by absolute path",
            """{ "pages": [ { "label": "01", "file": "/etc/01-Front.pdf" } ] }""", "edition.json: $.pages[0].file: '/etc/01-Front.pdf' is not a path inside the package");
        yield return Json("manifest-xml-in-json", "XML with an external entity in edition.json",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE edition [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<edition>&xxe;</edition>\n", "edition.json: holds XML, not JSON");
        yield return Json("manifest-duplicate-label", "two pages with one label",
            """{ "pages": [ { "label": "01", "file": "01-Front.pdf" }, { "label": "02", "file": "02-City.pdf" }, { "label": "02", "file": "03-Life.pdf" } ] }""",
            "edition.json: $.pages[2].label: page label 02 is also used by $.pages[1]");
        yield return Json("manifest-missing-file", "a page the package does not have",
            """{ "pages": [ { "label": "01", "file": "01-Front.pdf" }, { "label": "04", "name": "Sport", "file": "04-Sport.pdf" } ] }""",
            "04-Sport.pdf: edition.json names it for page 04 ($.pages[1].file), but the package does not have it");
        yield return Json("manifest-region-outside-page", "an article region far off the page",
            """{ "pages": [ { "label": "01", "file": "01-Front.pdf" } ], "articles": [ { "headline": "Off the page", "regions": [ { "page": "01", "unit": "pt", "polygon": [[40, 40], [5000, 40], [5000, 300], [40, 300]] } ] } ] }""",
            "edition.json: $.articles[0].regions[0].polygon: a point lies outside page 01");
        yield return Json("manifest-600-pages", "600 pages listed (the schema allows 1,000)",
            "{ \"pages\": [" + string.Join(", ", Enumerable.Range(1, 600).Select(i => string.Create(CultureInfo.InvariantCulture, $"{{ \"label\": \"{i:0000}\", \"file\": \"01-Front.pdf\", \"pdfPage\": 1 }}"))) + "] }",
            "edition.json: 600 pages, more than the 500 an edition may have (Broadsheet:Ingest:MaxPages)");
        yield return Json("manifest-20mb", "a manifest of 20 MB (one long name)",
            "{ \"pages\": [ { \"label\": \"01\", \"file\": \"01-Front.pdf\", \"name\": \"" + new string('x', 20 << 20) + "\" } ] }",
            "edition.json: is 20 MB, more than the 16 MB a manifest may have");
        yield return Json("manifest-bidi-label", "a page label with a right-to-left override",
            """{ "pages": [ { "label": "0\u202E1", "file": "01-Front.pdf" } ] }""", "edition.json: $.pages[0].label");
        yield return new BadInput("edition-xml-external-entity", InputKind.Xml, "an edition.xml with an external entity (XXE) for /etc/passwd",
            "edition.xml: XML manifests are not accepted; describe the edition in edition.json",
            root => WithManifest(root, "<?xml version=\"1.0\"?>\n<!DOCTYPE edition [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<edition><page label=\"01\" file=\"01-Front.pdf\">&xxe;</page></edition>\n", "edition.xml"));
        yield return new BadInput("edition-xml-billion-laughs", InputKind.Xml, "an edition.xml whose entities expand to a billion laughs",
            "edition.xml: XML manifests are not accepted; describe the edition in edition.json",
            root => WithManifest(root, BillionLaughs(), "edition.xml"));
    }

    private static BadInput Json(string name, string what, string json, string refusal) =>
        new(name, InputKind.Manifest, what, refusal, root => WithManifest(root, json));

    private static string BillionLaughs()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }

        return xml.Append("]>\n<edition>&lol9;</edition>\n").ToString();
    }
}
