namespace Broadsheet.Ingest.Tests.Support;

/// <summary>The committed fixture files (TestData/, made by TestData/make-bad-inputs.py) and the repository's docs.</summary>
internal static class Fixtures
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    /// <summary>A file of the repository, found by walking up from the test binaries to the solution file.</summary>
    public static string Repository(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Broadsheet.slnx")))
        {
            folder = folder.Parent;
        }

        return System.IO.Path.Combine([folder?.FullName ?? throw new DirectoryNotFoundException("Broadsheet.slnx not found above the test binaries"), .. parts]);
    }
}
