using System.Net;
using System.Text.Json;
using Broadsheet.Core;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>What a load balancer asks a node: is the process up, and can it serve (database, blobs, search index).</summary>
public sealed class HealthTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task A_running_node_is_live_and_ready_and_the_answers_are_not_cached()
    {
        using var client = app.NewClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("no-store", live.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("no-store", ready.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal(["blobs", "database", "search"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks.EnumerateObject(), c => Assert.NotEqual("Unhealthy", c.Value.GetProperty("status").GetString()));
        // The probe blob is deleted again: the store holds no file a ready check wrote.
        var blobs = app.Services.GetRequiredService<DataFolder>().BlobsPath;
        Assert.Empty(Directory.Exists(blobs) ? Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories) : []);
    }
}

/// <summary>A node whose blob folder cannot be written is live but not ready, and says which part failed.</summary>
public sealed class BrokenNodeHealthTests(BrokenBlobsAppFactory app) : IClassFixture<BrokenBlobsAppFactory>
{
    [Fact]
    public async Task A_node_that_cannot_write_blobs_is_live_but_not_ready_naming_the_blob_store()
    {
        using var client = app.NewClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var text = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.ServiceUnavailable, $"{ready.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("blobs").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
    }
}

/// <summary>An empty application whose blob folder is replaced by a file once it has started (no permission stops root).</summary>
public sealed class BrokenBlobsAppFactory : ReaderAppFactory
{
    protected override bool Seed => false;

    protected override Task AfterSeedAsync()
    {
        var blobs = Services.GetRequiredService<DataFolder>().BlobsPath;
        if (Directory.Exists(blobs))
        {
            Directory.Delete(blobs, recursive: true);
        }

        File.WriteAllText(blobs, "not a folder");
        return Task.CompletedTask;
    }
}

/// <summary>A node whose index folder holds files that are not an index (a mistyped path) is live but not ready, naming the search index.</summary>
public sealed class ForeignIndexHealthTests(ForeignIndexAppFactory app) : IClassFixture<ForeignIndexAppFactory>
{
    [Fact]
    public async Task A_node_whose_index_cannot_open_is_live_but_not_ready_naming_the_search_index()
    {
        using var client = app.NewClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var text = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.ServiceUnavailable, $"{ready.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        var search = body.RootElement.GetProperty("checks").GetProperty("search");
        Assert.Equal("Unhealthy", search.GetProperty("status").GetString());
        Assert.Contains("not a search index", search.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}

/// <summary>An empty application whose search index folder already holds someone else's file.</summary>
public sealed class ForeignIndexAppFactory : ReaderAppFactory
{
    private readonly string _index = Directory.CreateTempSubdirectory("broadsheet-foreign-index-").FullName;

    protected override bool Seed => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        File.WriteAllText(Path.Combine(_index, "notes.txt"), "not an index");
        builder.UseSetting("Broadsheet:Index", _index);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_index, recursive: true);
    }
}
