using Broadsheet.Samples;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// A data folder in which `broadsheet import` has published one generated 8-page edition (2026-11-02), made
/// once per test class; each test works on a copy of its own (<see cref="CopyTo"/>), so tests share no state.
/// </summary>
public sealed class PublishedDataFixture : IDisposable
{
    public PublishedDataFixture()
    {
        Root = Directory.CreateTempSubdirectory("broadsheet-cli-published-").FullName;
        Edition = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, Date = Date }, Path.Combine(Root, "2026-11-02"));
        Template = Path.Combine(Root, "data");
        Run("publication", "add", "binjiang", "--name", "滨江日报", "--data", Template);
        Run("import", Edition.Directory, "--publication", "binjiang", "--quiet", "--data", Template);
    }

    public static DateOnly Date => new(2026, 11, 2);

    public string Root { get; }

    public SampleEdition Edition { get; }

    /// <summary>The data folder with the published edition; never changed after the constructor.</summary>
    public string Template { get; }

    /// <summary>A private copy of <see cref="Template"/>.</summary>
    public void CopyTo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Template, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Run(params string[] arguments)
    {
        var run = BroadsheetProcess.RunAsync(arguments).GetAwaiter().GetResult();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"broadsheet {arguments[0]} failed: {run.Error}");
        }
    }
}
