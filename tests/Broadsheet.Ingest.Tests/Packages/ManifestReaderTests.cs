using System.Text.RegularExpressions;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Packages;

public sealed partial class ManifestReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_example_in_the_format_documentation_is_a_valid_manifest()
    {
        var doc = File.ReadAllText(Fixtures.Repository("docs", "formats.md"));
        var example = JsonBlock().Match(doc).Groups["json"].Value;

        var manifest = ManifestReader.Read(Write(example));

        Assert.Equal(("binjiang", "2026-11-02", 1, 12345), (manifest.Publication, manifest.Date, manifest.Edition, manifest.IssueNumber));
        Assert.Equal(["01", "02", "03", "04", "05"], manifest.Pages!.Select(p => p.Label));
        Assert.Equal(2, manifest.Pages![4].PdfPage);
        var lead = manifest.Articles![0];
        Assert.Equal(("全市首批——", "滨江新区十二所学校开学", "——新增学位一万二千个", "本报记者 王小明"), (lead.Kicker, lead.Headline, lead.Subheadline, lead.Byline));
        Assert.Equal("pt", lead.Regions[1].Unit);
        Assert.Equal("本报记者 李华/摄", lead.Images[0].Credit);
        Assert.Equal("photoNews", manifest.Articles[1].Kind);
    }

    [Fact]
    public void The_embedded_schema_is_the_documented_one()
    {
        Assert.Equal(File.ReadAllText(Fixtures.Repository("docs", "edition.schema.json")), ManifestSchema.Text);
    }

    [Theory]
    [InlineData("wrong-types.json", "edition.json: $.date: should be a string, not an integer (and 1 more problem)")]
    [InlineData("unknown-property.json", "edition.json: $.pages[0].colour: unknown property 'colour'")]
    [InlineData("missing-required.json", "edition.json: $.pages[0]: missing required property 'file'")]
    [InlineData("deep-nesting.json", "edition.json: $: not valid JSON at line 1, column")]
    [InlineData("duplicate-keys.json", "edition.json: $: the property 'date' is given twice; give each property once")]
    [InlineData("comments.json", "edition.json: $: not valid JSON at line 2, column 3:")]
    [InlineData("xml-in-json.json", "edition.json: holds XML, not JSON; XML manifests are not accepted")]
    [InlineData("duplicate-label.json", "edition.json: $.pages[2].label: page label 02 is also used by $.pages[1]; each page may appear once")]
    public void A_manifest_with_tricks_is_refused_naming_the_file_the_path_and_the_problem(string fixture, string expectedStart)
    {
        var ex = Assert.Throws<ImportException>(() => ManifestReader.Read(Copy(fixture)));

        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Deep_nesting_and_duplicate_keys_say_what_is_wrong()
    {
        Assert.Contains("nested deeper than 16 levels", Assert.Throws<ImportException>(() => ManifestReader.Read(Copy("deep-nesting.json"))).Message, StringComparison.Ordinal);
        var nested = Assert.Throws<ImportException>(() => ManifestReader.Read(Write("""{ "pages": [ { "label": "01", "file": "a.pdf" }, { "label": "02", "file": "b.pdf", "label": "03" } ] }""")));
        Assert.Equal("edition.json: $.pages[1]: the property 'label' is given twice; give each property once", nested.Message);
    }

    [Theory]
    [InlineData("""{ "edition": 0 }""", "$.edition")]
    [InlineData("""{ "date": "2 November 2026" }""", "$.date")]
    [InlineData("""{ "pages": [] }""", "$.pages")]
    [InlineData("""{ "pages": [ { "label": "第一版", "file": "01.pdf" } ] }""", "$.pages[0].label")]
    [InlineData("""{ "pages": [ { "label": "01", "file": "01.docx" } ] }""", "$.pages[0].file")]
    [InlineData("""{ "articles": [ { "headline": "No region", "regions": [] } ] }""", "$.articles[0].regions")]
    [InlineData("""{ "articles": [ { "headline": "Bad kind", "kind": "novel", "regions": [ { "page": "01", "polygon": [[0,0],[1,0],[1,1]] } ] } ] }""", "$.articles[0].kind")]
    [InlineData("""{ "articles": [ { "headline": "Off the page", "regions": [ { "page": "01", "polygon": [[0,0],[1.5,0],[1,1]] } ] } ] }""", "$.articles[0].regions[0].polygon[1][0]")]
    [InlineData("""{ "articles": [ { "headline": "Two points", "regions": [ { "page": "01", "polygon": [[0,0],[1,1]] } ] } ] }""", "$.articles[0].regions[0].polygon")]
    [InlineData("""{ "articles": [ { "headline": "Typo", "regions": [ { "page": "01", "polygone": [[0,0],[1,0],[1,1]] } ] } ] }""", "$.articles[0].regions[0]")]
    [InlineData("""{ "articles": [ { "headline": "Typo", "regions": [ { "page": "01", "polygon": [[0,0],[1,0],[1,1]], "colour": "red" } ] } ] }""", "$.articles[0].regions[0].colour")]
    [InlineData("""{ "articles": [ { "headline": "Huge", "regions": [ { "page": "01", "unit": "pt", "polygon": [[0,0],[20000,0],[1,1]] } ] } ] }""", "$.articles[0].regions[0].polygon[1][0]")]
    [InlineData("""[ "not", "an", "object" ]""", "$")]
    public void Schema_violations_name_the_json_path(string json, string path)
    {
        var ex = Assert.Throws<ImportException>(() => ManifestReader.Read(Write(json)));

        Assert.StartsWith($"edition.json: {path}: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "pages": [ { "label": "第一版", "file": "01.pdf" } ] }""", "edition.json: $.pages[0].label: a page label is 1 to 8 letters or digits, such as 01 or A01")]
    [InlineData("""{ "pages": [ { "label": "01", "file": "01.docx" } ] }""", "edition.json: $.pages[0].file: a page file is a .pdf, .jpg, .jpeg, .png, .tif or .tiff")]
    [InlineData("""{ "date": "2 November 2026" }""", "edition.json: $.date: a date is written yyyy-MM-dd, such as 2026-11-02")]
    [InlineData("""{ "publication": "Binjiang Daily" }""", "edition.json: $.publication: a publication slug is 1 to 64 lowercase letters, digits or hyphens")]
    [InlineData("""{ "issueNumber": "12345" }""", "edition.json: $.issueNumber: should be an integer, not a string")]
    [InlineData("""{ "pages": { "label": "01" } }""", "edition.json: $.pages: should be an array, not an object")]
    public void Messages_say_what_a_value_should_look_like(string json, string expected)
    {
        Assert.Equal(expected, Assert.Throws<ImportException>(() => ManifestReader.Read(Write(json))).Message);
    }

    [Fact]
    public void The_schema_is_valid_json_schema_2020_12()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(ManifestSchema.Text);

        var result = Json.Schema.MetaSchemas.Draft202012.Evaluate(schema, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Values)));
    }

    [Fact]
    public void A_calendar_date_that_does_not_exist_is_refused()
    {
        var ex = Assert.Throws<ImportException>(() => ManifestReader.Read(Write("""{ "date": "2026-02-30" }""")));

        Assert.Equal("edition.json: $.date: 2026-02-30 is not a date on the calendar", ex.Message);
    }

    [Fact]
    public void An_xml_manifest_is_refused_unread()
    {
        var folder = _temp.Folder("package");
        File.Copy(Fixtures.Path("manifests", "edition.xml"), Path.Combine(folder, "edition.xml"));

        var ex = Assert.Throws<ImportException>(() => ManifestReader.ReadFrom(folder));

        Assert.Equal("edition.xml: XML manifests are not accepted; describe the edition in edition.json (see docs/formats.md)", ex.Message);
    }

    [Theory]
    [InlineData("../01.pdf")]
    [InlineData("pages/../../01.pdf")]
    [InlineData("/etc/01.pdf")]
    [InlineData("C:/pages/01.pdf")]
    [InlineData("pages\\01.pdf")]
    [InlineData("pages//01.pdf")]
    public void A_page_file_outside_the_package_is_refused(string file)
    {
        var ex = Assert.Throws<ImportException>(() => ManifestReader.Resolve(_temp.Folder("package"), file, 3));

        Assert.Equal($"edition.json: $.pages[3].file: '{file}' is not a path inside the package; give page files relative to the package root, like pages/01.pdf", ex.Message);
    }

    [Fact]
    public void A_page_file_in_a_subfolder_resolves_inside_the_package()
    {
        var folder = _temp.Folder("package");

        Assert.Equal(Path.Combine(folder, "pages", "01.pdf"), ManifestReader.Resolve(folder, "pages/01.pdf", 0));
    }

    [Fact]
    public void Json_pointers_read_as_json_paths()
    {
        Assert.Equal("$.articles[3].regions[0].polygon[1][0]", ManifestSchema.JsonPath("/articles/3/regions/0/polygon/1/0"));
        Assert.Equal("$", ManifestSchema.JsonPath(""));
    }

    private string Copy(string fixture)
    {
        var path = _temp.PathOf(Guid.NewGuid().ToString("N"), "edition.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Fixtures.Path("manifests", fixture), path);
        return path;
    }

    private string Write(string json)
    {
        var path = _temp.PathOf(Guid.NewGuid().ToString("N"), "edition.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    [GeneratedRegex("```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
