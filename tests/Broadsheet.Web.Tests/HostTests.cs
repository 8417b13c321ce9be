using System.ComponentModel.DataAnnotations;
using System.Net;
using Broadsheet.Data;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Tests;

/// <summary>The way the `broadsheet serve` command starts the app: command-line settings, a real socket.</summary>
public sealed class HostTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "broadsheet-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _database = TestDatabase.NewDatabase();

    /// <summary>The data folder's setting, and the database's when the tests run on PostgreSQL.</summary>
    private string[] Data => _database is null ? ["--Broadsheet:Data=" + _root] : ["--Broadsheet:Data=" + _root, "--Broadsheet:Database=" + _database];

    [Fact]
    public async Task Create_with_command_line_settings_migrates_the_database_and_serves_the_reader()
    {
        await using var app = BroadsheetWebHost.Create([.. Data, "--urls=http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        var api = await client.GetAsync(new Uri("/api/v1/publications/none/editions", UriKind.Relative));
        var problem = await app.Services.GetRequiredService<DatabaseMigrator>().ProblemAsync();
        await app.StopAsync();

        // On SQLite the database is a file the start made in the data folder; on PostgreSQL there is none.
        Assert.Equal(_database is null, File.Exists(Path.Combine(_root, "broadsheet.db")));
        Assert.Null(problem);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("还没有已发布的报纸", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public async Task Cached_pages_are_served_on_the_sockets_own_thread_unless_turned_off(string? setting, bool inline)
    {
        string[] args = [.. Data, "--urls=http://127.0.0.1:0"];
        await using var app = BroadsheetWebHost.Create(setting is null ? args : [.. args, "--Broadsheet:InlineServing=" + setting]);

        var sockets = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        Assert.Equal(inline, sockets.UnsafePreferInlineScheduling);
        if (inline)
        {
            Assert.Equal("1", Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"));
        }
    }

    [Fact]
    public void An_empty_data_folder_setting_is_refused_at_start()
    {
        Assert.Throws<ValidationException>(() => BroadsheetWebHost.Create(["--Broadsheet:Data="]));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TestDatabase.DropAsync(_database);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
