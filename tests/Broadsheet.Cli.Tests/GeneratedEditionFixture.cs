using Broadsheet.Samples;

namespace Broadsheet.Cli.Tests;

/// <summary>One generated 8-page edition shared (read-only) by a test class; each test imports it into its own data folder.</summary>
public sealed class GeneratedEditionFixture : IDisposable
{
    public GeneratedEditionFixture()
    {
        Root = Directory.CreateTempSubdirectory("broadsheet-cli-fixture-").FullName;
        Edition = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, Date = Date }, Path.Combine(Root, "2026-11-02"));
    }

    public static DateOnly Date => new(2026, 11, 2);

    public string Root { get; }

    public SampleEdition Edition { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
