using System.Diagnostics;
using Broadsheet.Samples;

namespace Broadsheet.Cli.Tests;

/// <summary>An import killed half-way (power cut, Ctrl-\, OOM killer) leaves the published state intact, and the next import succeeds.</summary>
public sealed class KillImportTests(PublishedDataFixture published) : IClassFixture<PublishedDataFixture>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-kill-data-").FullName;
    private readonly string _scratch = Directory.CreateTempSubdirectory("broadsheet-cli-kill-input-").FullName;

    [Fact]
    public async Task Killing_an_import_after_a_page_is_processed_changes_nothing_published_and_the_rerun_succeeds()
    {
        published.CopyTo(_data);
        var before = DataSnapshot.Take(_data);

        // A different edition for the same date, replacing the published one.
        var replacement = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 12, Date = PublishedDataFixture.Date }, Path.Combine(_scratch, "2026-11-02"));
        string[] import = ["import", replacement.Directory, "--replace", "--publication", "binjiang", "--data", _data];

        using (var process = Process.Start(BroadsheetProcess.StartInfo(null, import))!)
        {
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            string? line;
            var seen = new List<string>();
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains(" read (", StringComparison.Ordinal))
            {
                seen.Add(line);
            }

            Assert.True(line is not null, "the import ended before it reported a page: " + string.Join(" / ", seen));
            Assert.False(process.HasExited, "the import finished before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
        }

        var afterKill = DataSnapshot.Take(_data);
        Assert.Equal(Rows(before), Rows(afterKill));
        Assert.Empty(Blobs(before).Except(Blobs(afterKill)));
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(Path.Combine(_data, "staging")));

        var rerun = await BroadsheetProcess.RunAsync(import);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains($"Replaced binjiang 2026-11-02: {replacement.Pages.Count} pages", rerun.Output, StringComparison.Ordinal);
        Assert.NotEqual(Rows(before), Rows(DataSnapshot.Take(_data)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data, "staging")));
    }

    private static List<string> Rows(string snapshot) =>
        [.. snapshot.Split('\n').Where(l => !l.StartsWith("blob: ", StringComparison.Ordinal) && !l.StartsWith("staging: ", StringComparison.Ordinal))];

    private static List<string> Blobs(string snapshot) => [.. snapshot.Split('\n').Where(l => l.StartsWith("blob: ", StringComparison.Ordinal))];

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_scratch, recursive: true);
    }
}
