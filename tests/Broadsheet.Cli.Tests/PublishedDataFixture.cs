namespace Broadsheet.Cli.Tests;

/// <summary>
/// A data folder in which `broadsheet import` has published the generated 8-page edition (2026-11-02). The import
/// runs once per test run (it used to run once per test class, seven times); each test works on a copy of its own
/// (<see cref="CopyTo"/>), so tests share no state.
/// </summary>
public sealed class PublishedDataFixture
{
    private static readonly Lazy<string> SharedTemplate = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly GeneratedEditionFixture Generated = new();

    public static DateOnly Date => GeneratedEditionFixture.Date;

    public Samples.SampleEdition Edition => Generated.Edition;

    /// <summary>The data folder with the published edition; never changed after it is made.</summary>
    public string Template => SharedTemplate.Value;

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

    private static string Publish()
    {
        var root = Directory.CreateTempSubdirectory("broadsheet-cli-published-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => GeneratedEditionFixture.DeleteQuietly(root);
        var template = Path.Combine(root, "data");
        Run("publication", "add", "binjiang", "--name", "滨江日报", "--data", template);
        Run("import", Generated.Edition.Directory, "--publication", "binjiang", "--quiet", "--data", template);
        return template;
    }

    private static void Run(params string[] arguments)
    {
        var run = BroadsheetProcess.RunAsync(arguments).GetAwaiter().GetResult();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"broadsheet {arguments[0]} failed: {run.Error}");
        }
    }
}
