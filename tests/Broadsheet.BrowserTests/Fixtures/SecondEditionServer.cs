using Broadsheet.Core;
using Broadsheet.Data;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// A day with two editions: the sample edition of 2026-11-02 (<see cref="DataTemplate.CopyOneEditionAsync"/>) and, imported after it with <c>"edition": 2</c> in its
/// <c>edition.json</c> as a desk's extra (号外) would be, a four-page second edition of the same day.
/// </summary>
public sealed class SecondEditionServer : BrowserServer
{
    public const string Day = "/binjiang/2026-11-02";
    public const string Later = "/binjiang/2026-11-02_2";

    protected override async Task BeforeStartAsync()
    {
        await DataTemplate.CopyOneEditionAsync(DataPath);
        var second = Path.Combine(Root, "second");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 13, PageCount = 4 }, second);
        await File.WriteAllTextAsync(Path.Combine(second, "edition.json"), """{ "publication": "binjiang", "date": "2026-11-02", "edition": 2 }""");

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(DataPath))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest(options => options.RasterWidth = 1400)
            .BuildServiceProvider();
        await services.GetRequiredService<EditionImporter>().ImportAsync(new ImportRequest { SourcePath = second, PublicationSlug = "binjiang" });
    }
}
