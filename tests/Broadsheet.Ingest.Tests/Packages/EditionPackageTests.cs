using System.IO.Compression;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Packages;

public sealed class EditionPackageTests : IDisposable
{
    private static readonly PackageLimits Limits = new(10 * 1024 * 1024, 100);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_gives_its_pages_in_order_and_ignores_other_files()
    {
        var folder = _temp.Folder("2026-11-02");
        foreach (var name in new[] { "10-体育.pdf", "02-要闻.pdf", "01-头版.pdf" })
        {
            File.WriteAllText(Path.Combine(folder, name), "%PDF-1.4");
        }

        File.WriteAllText(Path.Combine(folder, "01-头版.truth.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "notes");
        File.WriteAllText(Path.Combine(folder, ".01-hidden.pdf"), "%PDF-1.4");

        var package = EditionPackage.Open(folder, _temp.Folder("staging"), Limits);

        Assert.Equal("2026-11-02/", package.DisplayName);
        Assert.Equal(["01", "02", "10"], package.Pages.Select(p => p.Label));
        Assert.Equal(["头版", "要闻", "体育"], package.Pages.Select(p => p.Name));
    }

    [Fact]
    public void A_folder_without_pdfs_is_refused()
    {
        var folder = _temp.Folder("input");
        File.WriteAllText(Path.Combine(folder, "01-头版.truth.json"), "{}");

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(folder, _temp.Folder("staging"), Limits));

        Assert.Equal("input/: no page PDFs or images found", ex.Message);
    }

    [Fact]
    public void Two_files_with_one_label_are_refused()
    {
        var folder = _temp.Folder("input");
        File.WriteAllText(Path.Combine(folder, "02.pdf"), "%PDF-1.4");
        File.WriteAllText(Path.Combine(folder, "02-要闻.pdf"), "%PDF-1.4");

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(folder, _temp.Folder("staging"), Limits));

        Assert.Equal("02.pdf: page label 02 is also used by 02-要闻.pdf; each page may appear once", ex.Message);
    }

    [Fact]
    public void A_missing_source_is_named()
    {
        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(_temp.PathOf("nope.zip"), _temp.Folder("staging"), Limits));

        Assert.Equal("nope.zip: no such file or folder", ex.Message);
    }

    [Fact]
    public void A_zip_is_unpacked_into_staging_including_a_single_top_folder()
    {
        var zip = MakeZip("2026-11-02.zip", ("2026-11-02/01-头版.pdf", "%PDF-1.4 one"), ("2026-11-02/02-要闻.pdf", "%PDF-1.4 two"), ("2026-11-02/01-头版.truth.json", "{}"));
        var staging = _temp.Folder("staging");

        var package = EditionPackage.Open(zip, staging, Limits);

        Assert.Equal("2026-11-02.zip", package.DisplayName);
        Assert.Equal(["01", "02"], package.Pages.Select(p => p.Label));
        Assert.All(package.Pages, p => Assert.StartsWith(staging, p.FilePath, StringComparison.Ordinal));
        Assert.Equal("%PDF-1.4 two", File.ReadAllText(package.Pages[1].FilePath));
        Assert.Empty(Directory.EnumerateFiles(staging, "*.json", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../escape.pdf")]
    [InlineData("pages/../../escape.pdf")]
    [InlineData("/tmp/escape.pdf")]
    [InlineData("..\\escape.pdf")]
    public void A_zip_entry_that_escapes_the_folder_refuses_the_whole_archive(string entry)
    {
        var zip = MakeZip("evil.zip", ("01.pdf", "%PDF-1.4"), (entry, "%PDF-1.4 evil"));
        var staging = _temp.Folder("staging");

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(zip, staging, Limits));

        Assert.Equal($"evil.zip: entry '{entry}' points outside the package folder; refusing the archive", ex.Message);
        Assert.Empty(Directory.EnumerateFiles(_temp.Root, "escape.pdf", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_zip_with_too_many_entries_is_refused()
    {
        var zip = MakeZip("many.zip", [.. Enumerable.Range(1, 5).Select(i => ($"{i:00}.pdf", "%PDF-1.4"))]);

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(zip, _temp.Folder("staging"), new PackageLimits(1024 * 1024, 4)));

        Assert.Equal("many.zip: holds 5 entries, more than the 4 a package may have (Broadsheet:Ingest:MaxPackageEntries)", ex.Message);
    }

    [Fact]
    public void A_zip_that_unpacks_too_large_is_refused()
    {
        var zip = MakeZip("big.zip", ("01.pdf", "%PDF-1.4" + new string('x', 5000)));

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(zip, _temp.Folder("staging"), new PackageLimits(4096, 100)));

        Assert.StartsWith("big.zip: unpacks to more than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_named()
    {
        var path = _temp.PathOf("broken.zip");
        File.WriteAllText(path, "this is not a zip");

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(path, _temp.Folder("staging"), Limits));

        Assert.StartsWith("broken.zip: not a zip archive, or a damaged one", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zip_slip_fixture_is_refused_and_nothing_escapes()
    {
        var zip = _temp.PathOf("2026-11-02.zip");
        File.Copy(Fixtures.Path("zip-slip.zip"), zip);
        var staging = _temp.Folder("deep", "staging");

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(zip, staging, Limits));

        Assert.Equal("2026-11-02.zip: entry '../escape.pdf' points outside the package folder; refusing the archive", ex.Message);
        Assert.Empty(Directory.EnumerateFiles(_temp.Root, "*.pdf", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_zip_that_declares_more_than_the_limit_is_refused_before_unpacking()
    {
        var zip = _temp.PathOf("bomb.zip");
        File.Copy(Fixtures.Path("zip-bomb-declares-3.5gb.zip"), zip);
        var staging = _temp.Folder("staging");

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(zip, staging, new PackageLimits(2L * 1024 * 1024 * 1024, 100)));

        Assert.Equal("bomb.zip: unpacks to more than 2 GB, the most a package may hold (Broadsheet:Ingest:MaxPackageBytes)", ex.Message);
        Assert.Empty(Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_zip_entry_that_inflates_past_what_it_declares_is_cut_at_its_declared_size()
    {
        // The entry declares 1 kB and holds 8 MB of zeros; the limit is 1 MB. Unpacking stops at the
        // declared size (and would stop at the limit, counting written bytes), so no 8 MB ever lands on disk.
        var zip = _temp.PathOf("bomb.zip");
        File.Copy(Fixtures.Path("zip-bomb-inflates-8mb.zip"), zip);
        var staging = _temp.Folder("staging");

        try
        {
            EditionPackage.Open(zip, staging, new PackageLimits(1024 * 1024, 100));
        }
        catch (ImportException ex)
        {
            Assert.StartsWith("bomb.zip: ", ex.Message, StringComparison.Ordinal);
        }

        var written = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(written, 0, 1024 * 1024);
    }

    [Fact]
    public void A_zip_holds_page_images_and_the_manifest_as_well_as_pdfs()
    {
        var zip = MakeZip("2026-11-02.zip",
            ("edition/edition.json", """{ "pages": [ { "label": "A1", "name": "头版", "section": "A", "file": "scans/front.jpg" }, { "label": "A2", "file": "two.pdf" } ] }"""),
            ("edition/scans/front.jpg", "not read yet"),
            ("edition/two.pdf", "%PDF-1.4"),
            ("edition/notes.txt", "ignored"));

        var package = EditionPackage.Open(zip, _temp.Folder("staging"), Limits);

        Assert.Equal(["A1", "A2"], package.Pages.Select(p => p.Label));
        Assert.Equal(("头版", "A", "scans/front.jpg"), (package.Pages[0].Name, package.Pages[0].Section, package.Pages[0].FileName));
        Assert.NotNull(package.Manifest);
    }

    [Fact]
    public void The_manifest_gives_page_order_labels_and_names_over_the_file_names()
    {
        var folder = _temp.Folder("2026-11-02");
        foreach (var name in new[] { "a.pdf", "b.pdf", "c.png" })
        {
            File.WriteAllText(Path.Combine(folder, name), "%PDF-1.4");
        }

        File.WriteAllText(Path.Combine(folder, "edition.json"), """
            { "pages": [
                { "label": "02", "name": "要闻", "file": "b.pdf" },
                { "label": "01", "name": "头版", "file": "a.pdf" },
                { "label": "03", "file": "c.png" } ] }
            """);

        var package = EditionPackage.Open(folder, _temp.Folder("staging"), Limits);

        Assert.Equal(["02", "01", "03"], package.Pages.Select(p => p.Label));
        Assert.Equal(["要闻", "头版", ""], package.Pages.Select(p => p.Name));
        Assert.Equal(["b.pdf", "a.pdf", "c.png"], package.Pages.Select(p => p.FileName));
    }

    [Fact]
    public void A_page_file_the_manifest_names_but_the_package_lacks_is_named()
    {
        var folder = _temp.Folder("2026-11-02");
        File.WriteAllText(Path.Combine(folder, "01-Front.pdf"), "%PDF-1.4");
        File.Copy(Fixtures.Path("manifests", "missing-file.json"), Path.Combine(folder, "edition.json"));

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(folder, _temp.Folder("staging"), Limits));

        Assert.Equal("04-Sport.pdf: edition.json names it for page 04 ($.pages[1].file), but the package does not have it", ex.Message);
    }

    [Fact]
    public void A_region_on_a_page_the_edition_lacks_is_named()
    {
        var folder = _temp.Folder("2026-11-02");
        File.WriteAllText(Path.Combine(folder, "01.pdf"), "%PDF-1.4");
        File.WriteAllText(Path.Combine(folder, "edition.json"), """
            { "articles": [ { "headline": "Lost", "regions": [ { "page": "01", "polygon": [[0,0],[1,0],[1,1]] } ] },
                            { "headline": "Nowhere", "regions": [ { "page": "09", "polygon": [[0,0],[1,0],[1,1]] } ] } ] }
            """);

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(folder, _temp.Folder("staging"), Limits));

        Assert.Equal("edition.json: $.articles[1].regions[0].page: the edition has no page 09", ex.Message);
    }

    [Fact]
    public void An_edition_xml_in_a_zip_is_refused()
    {
        var zip = MakeZip("2026-11-02.zip", ("01.pdf", "%PDF-1.4"), ("edition.xml", File.ReadAllText(Fixtures.Path("manifests", "edition.xml"))));

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(zip, _temp.Folder("staging"), Limits));

        Assert.StartsWith("edition.xml: XML manifests are not accepted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_with_one_entry_twice_is_refused()
    {
        var zip = MakeZip("twice.zip", ("01.pdf", "%PDF-1.4 one"), ("01.pdf", "%PDF-1.4 two"));

        var ex = Assert.Throws<ImportException>(() => EditionPackage.Open(zip, _temp.Folder("staging"), Limits));

        Assert.Equal("twice.zip: entry '01.pdf' appears twice; refusing the archive", ex.Message);
    }

    private string MakeZip(string name, params (string Entry, string Content)[] entries)
    {
        var path = _temp.PathOf(name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
            writer.Write(content);
        }

        return path;
    }
}
