using Broadsheet.Core;
using Broadsheet.Ingest.Tests.Fakes;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Core.Ports;
using Broadsheet.Imaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Broadsheet.Ingest.Tests.Import;

/// <summary>An importer over in-memory ports and a data folder of its own, with an edition package to import.</summary>
internal sealed class ImporterFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 5, 30, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();

    public ImporterFixture()
    {
        Data = new DataFolder(_temp.Folder("data"));
        Store.Add("binjiang", "滨江日报");
    }

    public DataFolder Data { get; }

    public FakeEditionStore Store { get; } = new();

    public FakeBlobStore Blobs { get; } = new();

    public FakeRasterizer Rasterizer { get; } = new();

    public IngestOptions Options { get; } = new() { MaxParallelism = 2 };

    public FakeImageProcessor Images { get; } = new();

    /// <summary>The real sanitiser (mutool in a process of its own): every PDF page goes through it before anything reads it.</summary>
    public static IPdfSanitizer Sanitizer { get; } = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider().GetRequiredService<IPdfSanitizer>();

    public EditionImporter Importer => ImporterWith(null);

    public EditionImporter ImporterWith(IPageOcr? ocr) =>
        new(Store, Blobs, Rasterizer, Images, Sanitizer, Data, new FixedClock(Now), Microsoft.Extensions.Options.Options.Create(Options), ocr);

    public string PathOf(params string[] parts) => _temp.PathOf(parts);

    /// <summary>A three-page English package: front page with two stories, an inner page with one, a back page with one.</summary>
    public string Package(string folderName = "2026-11-02", string frontHeadline = "Council approves the budget")
    {
        var folder = _temp.Folder(folderName);
        TestPdf.Newspaper("01",
                new TestStory(frontHeadline, 40, 70, 2, 20) { Byline = "By Jane Smith" },
                new TestStory("Bridge reopens after repairs", 40, 400, 3, 10))
            .Save(Path.Combine(folder, "01-Front.pdf"));
        TestPdf.Newspaper("02", new TestStory("Schools add evening classes", 40, 70, 3, 30)).Save(Path.Combine(folder, "02-City.pdf"));
        TestPdf.Newspaper("03", new TestStory("Harbour festival draws crowds", 212, 70, 2, 25)).Save(Path.Combine(folder, "03-Life.pdf"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a page");
        return folder;
    }

    public IEnumerable<string> StagingFiles =>
        Directory.Exists(Data.StagingPath) ? Directory.EnumerateFileSystemEntries(Data.StagingPath, "*", SearchOption.AllDirectories) : [];

    public void Dispose() => _temp.Dispose();
}
