using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// A server of its own for the offline test, which stops it halfway (the reader's network gone): one generated
/// four-page edition imported as `broadsheet import` does it.
/// </summary>
public sealed class OfflineServer : BrowserServer
{
    protected override async Task BeforeStartAsync()
    {
        var package = Path.Combine(Root, "2026-11-02");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, PageCount = 4 }, package);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(DataPath))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest(options => options.RasterWidth = 1400)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        await services.GetRequiredService<EditionImporter>().ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });
    }
}
