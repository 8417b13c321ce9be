using System.Xml.Linq;

namespace Broadsheet.Core.Tests;

/// <summary>
/// Keeps the project graph as docs/architecture.md draws it: Core references nothing, the adapters
/// reference Core only (never each other), only Web and Cli compose, Web reaches the database through
/// Core's ports alone, and the sample generator (tools/) stays out of the production command.
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
        { "Broadsheet.Web", ["Broadsheet.Core", "Broadsheet.Data", "Broadsheet.Ingest", "Broadsheet.Imaging", "Broadsheet.Search"] },
        { "Broadsheet.Cli", ["Broadsheet.Core", "Broadsheet.Data", "Broadsheet.Ingest", "Broadsheet.Imaging", "Broadsheet.Search", "Broadsheet.Web"] },
        { "Broadsheet.Samples.Text", [] },
        { "Broadsheet.Samples", ["Broadsheet.Core", "Broadsheet.Samples.Text"] },
        { "Broadsheet.Samples.Cli", ["Broadsheet.Samples"] },
    };

    private static readonly string[] Trees = ["src", "tools"];

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
    public void Every_source_and_tool_project_is_covered_by_a_rule()
    {
        var projects = Trees.SelectMany(Projects).Order(StringComparer.Ordinal).ToList();
        var ruled = AllowedReferences.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ruled, projects);
    }

    /// <summary>What a production install carries: no project under src/ draws pages (SkiaSharp is the generator's).</summary>
    [Fact]
    public void No_production_project_carries_the_generators_skia_sharp()
    {
        var offenders = Projects("src")
            .Where(p => Load(p).Descendants("PackageReference").Any(e => ((string?)e.Attribute("Include"))?.StartsWith("SkiaSharp", StringComparison.Ordinal) == true))
            .ToList();
        Assert.Empty(offenders);
    }

    /// <summary>
    /// Web reads and writes the database only through Core's ports (implemented in Data): no page, endpoint or
    /// service names the EF context, its factory or EF itself. Composition (the host, the registrations) may.
    /// </summary>
    [Fact]
    public void Web_reaches_the_database_only_through_ports()
    {
        var web = Path.Combine(Root, "src", "Broadsheet.Web");
        var files = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(web, f)))
            .ToList();
        Assert.True(files.Count > 50, $"found only {files.Count} source files under {web}");
        string[] forbidden = ["BroadsheetDbContext", "DbContext", "Microsoft.EntityFrameworkCore"];
        var offenders = files
            .Where(f => !IsComposition(Path.GetFileName(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => forbidden.Any(word => l.Text.Contains(word, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Web must use Core's ports, not the database:\n" + string.Join("\n", offenders));
    }

    /// <summary>Files that compose the application: the host and the feature registrations.</summary>
    private static bool IsComposition(string fileName) =>
        fileName is "BroadsheetWebHost.cs" or "Program.cs"
        || fileName.EndsWith("Registration.cs", StringComparison.Ordinal)
        || fileName.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal);

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relative.StartsWith("node_modules" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static List<string> ProjectReferences(string project) =>
        [.. Load(project).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string)e.Attribute("Include")!).Replace('\\', '/')))];

    /// <summary>The projects of a tree: its folders with a project file (a moved project's old build output is none).</summary>
    private static IEnumerable<string> Projects(string tree) =>
        Directory.GetDirectories(Path.Combine(Root, tree))
            .Select(d => Path.GetFileName(d)!)
            .Where(name => File.Exists(Path.Combine(Root, tree, name, name + ".csproj")));

    private static XDocument Load(string project) =>
        XDocument.Load(Trees.Select(t => Path.Combine(Root, t, project, project + ".csproj")).First(File.Exists));

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
