using System.Diagnostics;
using System.Globalization;
using Broadsheet.Samples;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// For <see cref="CrashSweepTests"/>: two 4-page packages (a new edition, 2026-11-09, and a replacement for the
/// published 2026-11-02) and, for each, the data folder an uninterrupted import of it gives (the "new state"), with
/// how long that import took, so kill points can be spread over the whole of an import on this machine today.
/// </summary>
public sealed class CrashFixture : IDisposable
{
    public CrashFixture()
    {
        Published = new PublishedDataFixture();
        Root = Directory.CreateTempSubdirectory("broadsheet-cli-crash-fixture-").FullName;
        New = Prepare("new", new DateOnly(2026, 11, 9), 31, replace: false);
        Replacement = Prepare("replace", PublishedDataFixture.Date, 32, replace: true);
    }

    public PublishedDataFixture Published { get; }

    public string Root { get; }

    public Reference New { get; }

    public Reference Replacement { get; }

    public Reference For(bool replace) => replace ? Replacement : New;

    /// <summary>A package, the data folder its clean import left, that import's summary line and its duration.</summary>
    public sealed record Reference(string Package, DateOnly Date, string Data, string Summary, TimeSpan Took, bool Replace)
    {
        public string[] Arguments(string data) =>
            ["import", Package, "--publication", "binjiang", "--data", data, .. (Replace ? new[] { "--replace" } : Array.Empty<string>())];
    }

    private Reference Prepare(string name, DateOnly date, int seed, bool replace)
    {
        var package = Path.Combine(Root, name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = seed, Date = date, PageCount = 4 }, package);
        var data = Path.Combine(Root, name, "data");
        Published.CopyTo(data);
        var reference = new Reference(package, date, data, "", TimeSpan.Zero, replace);
        var clock = Stopwatch.StartNew();
        var run = BroadsheetProcess.RunAsync(reference.Arguments(data)).GetAwaiter().GetResult();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the reference import of {package} failed: {run.Error}");
        }

        var summary = run.Output.Split('\n').Single(l => l.StartsWith("Published ", StringComparison.Ordinal) || l.StartsWith("Replaced ", StringComparison.Ordinal));
        return reference with { Summary = summary.Trim(), Took = clock.Elapsed };
    }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
    }
}
