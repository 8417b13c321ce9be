using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// The real application on a loopback port with a generated four-page edition imported as `broadsheet import`
/// does it and a desk editor of its paper, made as `broadsheet users add` makes one; and a headless Chromium.
/// </summary>
public sealed class DeskLiveServer : BrowserServer
{
    public const string Editor = "xiaowang";
    public const string Password = "correct horse battery";

    protected override async Task BeforeStartAsync()
    {
        var data = DataPath;
        var package = Path.Combine(Root, "2026-11-02");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, PageCount = 4 }, package);
        await using (var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(data))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest(options => options.RasterWidth = 1400)
            .BuildServiceProvider())
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报"));
            await services.GetRequiredService<EditionImporter>().ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });
        }

        var accounts = new ServiceCollection().AddBroadsheetData(new DataFolder(data));
        accounts.AddDeskAccounts();
        await using (var services = accounts.BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(Editor, Password, DeskRoles.Editor, ["binjiang"]);
        }
    }
}
