using System.IO.Compression;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Writer;

namespace Broadsheet.Cli.Tests;

/// <summary>`broadsheet import` of the other package shapes, through mutool, PdfPig and libvips for real.</summary>
public sealed partial class PackageFormatsCommandTests(GeneratedEditionFixture fixture) : IClassFixture<GeneratedEditionFixture>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("broadsheet-cli-formats-").FullName;

    [Fact]
    public async Task One_pdf_of_the_whole_edition_imports_like_its_pages_one_by_one()
    {
        var separate = await ImportIntoNewDataAsync(fixture.Edition.Directory);
        var whole = Directory.CreateDirectory(Path.Combine(_scratch, "2026-11-02")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(whole, "binjiang-20261102.pdf"), PdfMerger.Merge([.. fixture.Edition.Pages.Select(p => p.PdfPath)]));

        var merged = await ImportIntoNewDataAsync(whole);

        Assert.Equal(Summary(separate.Output), Summary(merged.Output));
        Assert.Contains($": {fixture.Edition.Pages.Count} pages, ", merged.Output, StringComparison.Ordinal);
        var snapshot = DataSnapshot.Take(merged.Data);
        foreach (var page in fixture.Edition.Pages)
        {
            Assert.Contains($"| {page.Label} | ", snapshot, StringComparison.Ordinal);
        }

        Assert.Equal(fixture.Edition.Pages.Count, Directory.GetFiles(Path.Combine(merged.Data, "blobs"), "*.pdf", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_zip_with_a_manifest_and_a_scanned_page_imports_with_the_manifest_articles()
    {
        var zip = Path.Combine(_scratch, "upload.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(fixture.Edition.Pages[0].PdfPath, "edition/pdf/front.pdf");
            archive.CreateEntryFromFile(fixture.Edition.Pages[1].PdfPath, "edition/pdf/news.pdf");
            archive.CreateEntryFromFile(Path.Combine(AppContext.BaseDirectory, "TestData", "page-600x800-150dpi.jpg"), "edition/scans/photos.jpg");
            await using var manifest = new StreamWriter(archive.CreateEntry("edition/edition.json").Open());
            await manifest.WriteAsync("""
                {
                  "publication": "binjiang", "date": "2026-11-04", "issueNumber": 12345,
                  "pages": [
                    { "label": "01", "name": "头版", "file": "pdf/front.pdf" },
                    { "label": "02", "name": "要闻", "file": "pdf/news.pdf" },
                    { "label": "03", "name": "图片", "file": "scans/photos.jpg" }
                  ],
                  "articles": [
                    { "kind": "photoNews", "headline": "江畔秋色", "paragraphs": ["滨江公园的银杏叶黄了。"],
                      "regions": [ { "page": "03", "polygon": [[0.05, 0.05], [0.95, 0.05], [0.95, 0.6], [0.05, 0.6]] } ] }
                  ]
                }
                """);
        }

        var run = await ImportIntoNewDataAsync(zip);

        Assert.Contains("Published binjiang 2026-11-04: 3 pages, ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", run.Output, StringComparison.Ordinal);
        var snapshot = DataSnapshot.Take(run.Data);
        Assert.Contains("江畔秋色", snapshot, StringComparison.Ordinal);
        Assert.Contains("| 12345 |", snapshot, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(run.Data, "blobs"), "*.pdf", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(run.Data, "staging")));
    }

    private async Task<(string Output, string Data)> ImportIntoNewDataAsync(string package)
    {
        var data = Directory.CreateDirectory(Path.Combine(_scratch, "data-" + Guid.NewGuid().ToString("N"))).FullName;
        var add = await BroadsheetProcess.RunAsync("publication", "add", "binjiang", "--name", "滨江日报", "--data", data);
        Assert.True(add.ExitCode == 0, add.Error);
        var run = await BroadsheetProcess.RunAsync("import", package, "--publication", "binjiang", "--data", data);
        Assert.True(run.ExitCode == 0, run.Error);
        return (run.Output, data);
    }

    private static string Summary(string output) => SummaryLine().Match(output).Value;

    [GeneratedRegex(@"Published binjiang \d{4}-\d\d-\d\d: \d+ pages, \d+ articles\.")]
    private static partial Regex SummaryLine();

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
