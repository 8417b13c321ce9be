using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// The real application on a free loopback port over a private data folder, as `broadsheet serve` starts it,
/// holding a generated sample edition imported the way `broadsheet import` does it, and a headless Chromium.
/// </summary>
public sealed class LiveServer : BrowserServer
{
    /// <summary>The footer lines set on the sample publication.</summary>
    public static readonly string[] FooterLines = ["新出网证（黔）字001号", "黔ICP备00000000号", "版权所有 滨江日报社"];

    /// <summary>How long filling the data folder took (the first fixture imports the editions, the others copy them), for the test log.</summary>
    public TimeSpan SeedTime { get; private set; }

    protected override async Task BeforeStartAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await DataTemplate.CopyAsync("live", ImportSampleEditionsAsync, DataPath);
        SeedTime = clock.Elapsed;
    }

    private static async Task ImportSampleEditionsAsync(string work, string data)
    {
        var package = Path.Combine(work, "2026-11-02");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, PageCount = 4 }, package);
        // The day before: enough for 上一期/下一期 and a calendar with two dates.
        var earlier = Path.Combine(work, "2026-11-01");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 12, PageCount = 4, Date = new DateOnly(2026, 11, 1) }, earlier);

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(data))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest(options => options.RasterWidth = 1400)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报") { FooterLines = [.. FooterLines] });
        var importer = services.GetRequiredService<EditionImporter>();
        await importer.ImportAsync(new ImportRequest { SourcePath = earlier, PublicationSlug = "binjiang" });
        await importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });
        await RemoveTilesAsync(services, "02");
    }

    /// <summary>
    /// Takes page <paramref name="label"/>'s IIIF tiles away again (the import makes them for every page), as a
    /// page imported before tiles existed has none.
    /// </summary>
    private static async Task RemoveTilesAsync(IServiceProvider services, string label)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var page = await db.Pages.AsNoTracking()
            .Where(p => p.Label == label && p.Edition.Date == new DateOnly(2026, 11, 2))
            .SingleAsync();
        var blobs = services.GetRequiredService<IBlobStore>();
        var tiles = await blobs.ListAsync($"{page.DerivativesKey}/tiles/").ToListAsync();
        foreach (var tile in tiles)
        {
            await blobs.DeleteAsync(tile);
        }
    }
}
