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

        Assert.Equal("input/: no page PDFs found", ex.Message);
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

        Assert.Equal("many.zip: holds 5 entries, more than the 4 a package may have", ex.Message);
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
