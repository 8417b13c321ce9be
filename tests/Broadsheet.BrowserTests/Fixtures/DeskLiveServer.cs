using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// The real application on a loopback port with a generated four-page edition imported as `broadsheet import`
/// does it and a desk editor of its paper, made as `broadsheet users add` makes one; and a headless Chromium.
/// </summary>
public sealed class DeskLiveServer : IAsyncLifetime
{
    public const string Editor = "xiaowang";
    public const string Password = "correct horse battery";
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "broadsheet-desk-browser-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = Path.Combine(_root, "data");
        var package = Path.Combine(_root, "2026-11-02");
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

        _app = Broadsheet.Web.BroadsheetWebHost.Create(["--Broadsheet:Data=" + data, "--urls=http://127.0.0.1:0"]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {Chromium} (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
