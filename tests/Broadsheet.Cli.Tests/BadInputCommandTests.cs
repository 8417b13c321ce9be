namespace Broadsheet.Cli.Tests;

/// <summary>
/// `broadsheet import` refusing bad input as the desk would meet it: one line naming the file and the
/// problem, a non-zero exit, the published data untouched, and nothing left in staging or in the temp folder.
/// </summary>
public sealed class BadInputCommandTests(PublishedDataFixture published) : IClassFixture<PublishedDataFixture>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-bad-data-").FullName;
    private readonly string _scratch = Directory.CreateTempSubdirectory("broadsheet-cli-bad-input-").FullName;
    private readonly string _tmp = Directory.CreateTempSubdirectory("broadsheet-cli-bad-tmp-").FullName;

    public static TheoryData<string, string, string> PageFiles => new()
    {
        // The fixture's file, the name it has in the package, what the message says.
        { "corrupt.pdf", "04-要闻.pdf", "04-要闻.pdf: the PDF is truncated or corrupt (" },
        { "encrypted-with-user-password.pdf", "04-要闻.pdf", "04-要闻.pdf: the PDF is encrypted; export it again without a password" },
        { "no-pages.pdf", "04.pdf", "04.pdf: the PDF has no pages" },
        { "absurd-20000x20000pt.pdf", "04-Giant.pdf", "04-Giant.pdf: the page is 20000 x 20000 pt, not a plausible newspaper page" },
        { "png-claims-100000x100000.png", "04-图片.png", "04-图片.png: the image claims 100000 x 100000 pixels (10000 megapixels), more than the 250 megapixels" },
        { "corrupt.pdf", "02.pdf", "02.pdf: page label 02 is also used by 02-City.pdf; each page may appear once" },
    };

    public static TheoryData<string, string> Manifests => new()
    {
        { "wrong-types.json", "edition.json: $.date: should be a string, not an integer" },
        { "unknown-property.json", "edition.json: $.pages[0].colour: unknown property 'colour'" },
        { "deep-nesting.json", "edition.json: $: not valid JSON at line 1, column " },
        { "duplicate-keys.json", "edition.json: $: the property 'date' is given twice" },
        { "comments.json", "edition.json: $: not valid JSON at line 2, column 3" },
        { "path-escapes.json", "edition.json: $.pages[0].file: '../01-Front.pdf' is not a path inside the package" },
        { "absolute-path.json", "edition.json: $.pages[0].file: '/etc/01-Front.pdf' is not a path inside the package" },
        { "xml-in-json.json", "edition.json: holds XML, not JSON" },
        { "duplicate-label.json", "edition.json: $.pages[2].label: page label 02 is also used by $.pages[1]" },
        { "missing-file.json", "04-Sport.pdf: edition.json names it for page 04 ($.pages[1].file), but the package does not have it" },
        { "region-outside-page.json", "edition.json: $.articles[0].regions[0].polygon: a point lies outside page 01" },
    };

    public static TheoryData<string, string> Zips => new()
    {
        { "zip-slip.zip", "2026-11-03.zip: entry '../escape.pdf' points outside the package folder; refusing the archive" },
        { "zip-bomb-declares-3.5gb.zip", "2026-11-03.zip: unpacks to more than 2 GB, the most a package may hold" },
    };

    [Theory]
    [MemberData(nameof(PageFiles))]
    public async Task A_bad_page_file_is_refused_naming_it(string fixture, string nameInPackage, string expected)
    {
        var package = Package();
        File.Copy(Fixture(fixture), Path.Combine(package, nameInPackage));

        await AssertRefusedAsync(package, expected);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public async Task A_manifest_with_tricks_is_refused_naming_the_path_and_the_problem(string fixture, string expected)
    {
        var package = Package();
        File.Copy(Fixture(Path.Combine("manifests", fixture)), Path.Combine(package, "edition.json"));

        await AssertRefusedAsync(package, expected);
    }

    [Fact]
    public async Task An_xml_manifest_is_refused_unread()
    {
        var package = Package();
        File.Copy(Fixture(Path.Combine("manifests", "edition.xml")), Path.Combine(package, "edition.xml"));

        await AssertRefusedAsync(package, "edition.xml: XML manifests are not accepted; describe the edition in edition.json");
    }

    [Theory]
    [MemberData(nameof(Zips))]
    public async Task A_hostile_zip_is_refused_before_anything_is_unpacked(string fixture, string expected)
    {
        var zip = Path.Combine(_scratch, "2026-11-03.zip");
        File.Copy(Fixture(fixture), zip);

        await AssertRefusedAsync(zip, expected);
        Assert.False(File.Exists(Path.Combine(_data, "escape.pdf")));
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), "escape.pdf"));
    }

    private async Task AssertRefusedAsync(string package, string expected)
    {
        published.CopyTo(_data);
        var before = DataSnapshot.Take(_data);

        var run = await BroadsheetProcess.RunInAsync(_tmp, "import", package, "--publication", "binjiang", "--data", _data);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("broadsheet: " + expected, line, StringComparison.Ordinal);
        Assert.Equal(before, DataSnapshot.Take(_data));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data, "staging")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tmp));
    }

    /// <summary>Three good pages of the published edition, under names the manifest fixtures use, for 2026-11-03.</summary>
    private string Package()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, "2026-11-03")).FullName;
        string[] names = ["01-Front.pdf", "02-City.pdf", "03-Life.pdf"];
        for (var i = 0; i < names.Length; i++)
        {
            File.Copy(published.Edition.Pages[i].PdfPath, Path.Combine(folder, names[i]));
        }

        return folder;
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_scratch, recursive: true);
        Directory.Delete(_tmp, recursive: true);
    }
}
