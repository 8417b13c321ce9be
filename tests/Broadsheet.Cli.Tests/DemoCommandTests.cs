namespace Broadsheet.Cli.Tests;

/// <summary>
/// `broadsheet demo` without the generator: it imports the editions the sample tool wrote (scripts/demo runs
/// `broadsheet-samples demo-week` first) and says what to run when it has none.
/// </summary>
public sealed class DemoCommandTests(GeneratedEditionFixture fixture) : IClassFixture<GeneratedEditionFixture>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-demo-").FullName;

    [Fact]
    public async Task Without_generated_editions_the_demo_says_in_one_line_how_to_make_them()
    {
        var run = await BroadsheetProcess.RunAsync("demo", "--no-serve", "--data", _data);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("broadsheet: ", line, StringComparison.Ordinal);
        Assert.Contains("scripts/demo", line, StringComparison.Ordinal);
        Assert.Contains("broadsheet-samples demo-week", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_imports_the_editions_it_is_given_makes_the_desk_account_and_a_second_run_keeps_them()
    {
        // The shared edition sits in a folder named by its date, as demo-week writes them.
        var editions = Path.GetDirectoryName(fixture.Edition.Directory)!;

        var first = await BroadsheetProcess.RunAsync("demo", "--no-serve", "--editions", editions, "--data", _data);
        var second = await BroadsheetProcess.RunAsync("demo", "--no-serve", "--editions", editions, "--data", _data);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Published binjiang 2026-11-02: 8 pages", first.Output, StringComparison.Ordinal);
        Assert.Contains("The desk is at /desk: user 'admin'", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("binjiang 2026-11-02 is already there.", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Published", second.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
