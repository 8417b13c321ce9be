namespace Broadsheet.Ingest.Tests.Support;

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly string _base = Path.Combine(Path.GetTempPath(), "broadsheet-ingest-tests", Guid.NewGuid().ToString("N"));

    public TempFolder()
    {
        Directory.CreateDirectory(_base);
    }

    public string Root => _base;

    public string PathOf(params string[] parts) => Path.Combine([_base, .. parts]);

    public string Folder(params string[] parts)
    {
        var path = PathOf(parts);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_base))
        {
            Directory.Delete(_base, recursive: true);
        }
    }
}
