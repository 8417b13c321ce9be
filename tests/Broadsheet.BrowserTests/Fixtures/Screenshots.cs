namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>Where screenshots go: TestResults/screenshots at the repository root (ignored by git), else beside the tests.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Create();

    public static string PathFor(string name) => Path.Combine(Folder, name + ".png");

    private static string Create()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
