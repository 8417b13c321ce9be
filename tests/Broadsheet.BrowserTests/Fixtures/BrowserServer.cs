using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// The real application on a free loopback port over a private data folder, as `broadsheet serve` starts it, and a
/// headless Debian Chromium. A fixture says what the data folder holds before and after the server starts.
/// </summary>
public abstract class BrowserServer : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The fixture's own folder: the data folder and anything the tests generate.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "broadsheet-browser-tests", Guid.NewGuid().ToString("N"));

    public string DataPath => Path.Combine(Root, "data");

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running application's services (what a test needs beside HTTP: the blob store).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the server is not running");

    /// <summary>Settings beyond the data folder and the port, as <c>--Key=value</c>.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {Chromium} (apt-get install chromium).");
        }

        await BeforeStartAsync();
        _app = Broadsheet.Web.BroadsheetWebHost.Create(["--Broadsheet:Data=" + DataPath, "--urls=http://127.0.0.1:0", .. Settings]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        await AfterStartAsync(_app.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Stops the server: from now on nothing answers at <see cref="BaseAddress"/>, as when a reader's network is gone.</summary>
    public async Task StopServerAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Fills the data folder before the server opens it (imports go through their own services, as the command line's do).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Adds what needs the running application's services.</summary>
    protected virtual Task AfterStartAsync(IServiceProvider services) => Task.CompletedTask;

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
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
