using System.Xml.Linq;

namespace Broadsheet.Core.Tests;

/// <summary>
/// Keeps the project graph as docs/architecture.md draws it: Core references nothing, the adapters
/// reference Core only (never each other), and only Web and Cli compose.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly string Root = FindRepositoryRoot();

    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        { "Broadsheet.Core", [] },
        { "Broadsheet.Ingest", ["Broadsheet.Core"] },
        { "Broadsheet.Imaging", ["Broadsheet.Core"] },
        { "Broadsheet.Search", ["Broadsheet.Core"] },
        { "Broadsheet.Data", ["Broadsheet.Core"] },
        { "Broadsheet.Samples", ["Broadsheet.Core"] },
        { "Broadsheet.Web", ["Broadsheet.Core", "Broadsheet.Data", "Broadsheet.Ingest", "Broadsheet.Imaging", "Broadsheet.Search"] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void Projects_reference_only_what_the_architecture_allows(string project, string[] allowed)
    {
        var references = ProjectReferences(project);
        var forbidden = references.Except(allowed, StringComparer.Ordinal).ToList();
        Assert.True(forbidden.Count == 0, $"{project} must not reference {string.Join(", ", forbidden)}.");
    }

    [Fact]
    public void Core_uses_no_packages()
    {
        var packages = Load("Broadsheet.Core").Descendants("PackageReference").Select(e => (string?)e.Attribute("Include")).ToList();
        Assert.Empty(packages);
    }

    [Fact]
    public void Every_source_project_is_covered_by_a_rule()
    {
        var projects = Directory.GetDirectories(Path.Combine(Root, "src")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        var ruled = AllowedReferences.Select(row => (string)row[0]).Append("Broadsheet.Cli").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ruled, projects);
    }

    private static List<string> ProjectReferences(string project) =>
        [.. Load(project).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string)e.Attribute("Include")!).Replace('\\', '/')))];

    private static XDocument Load(string project) =>
        XDocument.Load(Path.Combine(Root, "src", project, project + ".csproj"));

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Broadsheet.slnx not found above the test folder.");
    }
}
