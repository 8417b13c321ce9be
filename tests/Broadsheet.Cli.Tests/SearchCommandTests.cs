namespace Broadsheet.Cli.Tests;

/// <summary>The search index from the command line: an import indexes its edition, <c>reindex</c> rebuilds, a running owner is respected.</summary>
public sealed class SearchCommandTests(GeneratedEditionFixture fixture) : IClassFixture<GeneratedEditionFixture>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-search-").FullName;

    [Fact]
    public async Task An_import_indexes_its_edition_and_reindex_rebuilds_the_same_articles()
    {
        await AddPublicationAsync();

        var import = await ImportAsync();
        var reindex = await BroadsheetProcess.RunAsync("reindex", "--data", _data);

        Assert.Equal(0, import.ExitCode);
        var created = System.Text.RegularExpressions.Regex.Match(import.Output, @"Search: index created; (\d+) articles\.");
        Assert.True(created.Success, import.Output);
        Assert.True(int.Parse(created.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 20, import.Output);
        Assert.Equal(0, reindex.ExitCode);
        Assert.Equal("", reindex.Error);
        Assert.Contains($"Search index rebuilt: {created.Groups[1].Value} articles.", reindex.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_another_process_owns_the_index_an_import_leaves_it_to_that_process_and_reindex_refuses()
    {
        await AddPublicationAsync();
        // What a running server holds while it serves.
        using (new FileStream(Path.Combine(_data, "index.owner"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var import = await ImportAsync();
            var reindex = await BroadsheetProcess.RunAsync("reindex", "--data", _data);

            Assert.Equal(0, import.ExitCode);
            Assert.Contains("the running server holds the index", import.Output, StringComparison.Ordinal);
            Assert.Equal(1, reindex.ExitCode);
            Assert.Contains("in use by another process", reindex.Error, StringComparison.Ordinal);
            Assert.Contains("stop the server first", reindex.Error, StringComparison.Ordinal);
        }

        // Once it is free, whoever comes next catches up with what was left pending.
        var later = await BroadsheetProcess.RunAsync("reindex", "--data", _data);
        Assert.Equal(0, later.ExitCode);
        Assert.DoesNotContain("rebuilt: 0 articles", later.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_has_help()
    {
        var run = await BroadsheetProcess.RunAsync("reindex", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--data", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rebuild the search index", run.Output, StringComparison.Ordinal);
    }

    private async Task AddPublicationAsync()
    {
        var run = await BroadsheetProcess.RunAsync("publication", "add", "binjiang", "--name", "滨江日报", "--data", _data);
        Assert.Equal(0, run.ExitCode);
    }

    private Task<BroadsheetProcess.Outcome> ImportAsync() =>
        BroadsheetProcess.RunAsync("import", fixture.Edition.Directory, "--publication", "binjiang", "--data", _data);

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
