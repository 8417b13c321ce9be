using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>
/// The whole web application over a private temporary data folder and a database of its own (<see cref="TestDatabase"/>:
/// SQLite, or PostgreSQL under scripts/with-postgres), seeded with <see cref="TestEdition"/>.
/// </summary>
public class ReaderAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "broadsheet-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _database = TestDatabase.NewDatabase();

    protected virtual bool Seed => true;

    internal SeededEdition Seeded { get; private set; } = null!;

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Whether the server sweeps unused blobs when it starts; off unless a fixture tests it.</summary>
    protected virtual bool SweepBlobsOnStart => false;

    /// <summary>Seconds between the reader cache's looks at the editions' stamps; 0 (off) unless a fixture says otherwise.</summary>
    protected virtual int PollSeconds => 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Broadsheet:Data", _root);
        if (_database is not null)
        {
            builder.UseSetting("Broadsheet:Database", _database);
        }

        builder.UseSetting("Broadsheet:ReaderCache:PollSeconds", PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Seeding writes blobs before the rows that use them; a sweep at start must not race it.
        builder.UseSetting("Broadsheet:SweepBlobsOnStart", SweepBlobsOnStart ? "true" : "false");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        // Starting the server migrates the database, so the store can be used right after.
        _ = Server;
        if (Seed)
        {
            Seeded = await TestEdition.SeedAsync(Services);
        }

        await AfterSeedAsync();
    }

    /// <summary>Runs once the application has started and, when <see cref="Seed"/>, the test edition is in the database.</summary>
    protected virtual Task AfterSeedAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabase.DropAsync(_database);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

/// <summary>The seeded application whose reader cache polls the editions' stamps every second, as it would notice another process's import.</summary>
public sealed class PollingAppFactory : ReaderAppFactory
{
    protected override int PollSeconds => 1;
}

/// <summary>A seeded application of its own, for tests that publish editions and must not disturb the others.</summary>
public sealed class PublishingAppFactory : ReaderAppFactory;

/// <summary>The application over an empty data folder: no publication, no edition.</summary>
public sealed class EmptyAppFactory : ReaderAppFactory
{
    protected override bool Seed => false;
}
