using Broadsheet.Samples;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// The generated 8-page edition (seed 11, 2026-11-02) the command-line tests import, shared read-only by every test
/// class of the assembly: it is generated once per test run, not once per class, and deleted when the run ends.
/// </summary>
public sealed class GeneratedEditionFixture
{
    private static readonly Lazy<(string Root, SampleEdition Edition)> Shared = new(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static DateOnly Date => new(2026, 11, 2);

    public SampleEdition Edition => Shared.Value.Edition;

    private static (string, SampleEdition) Generate()
    {
        var root = Directory.CreateTempSubdirectory("broadsheet-cli-fixture-").FullName;
        // xunit v2 has no assembly fixture: the folder goes when the test process does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        return (root, SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, Date = Date }, Path.Combine(root, "2026-11-02")));
    }

    internal static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A process a test left running may still hold a file; the temp folder is the system's to clean.
        }
    }
}
