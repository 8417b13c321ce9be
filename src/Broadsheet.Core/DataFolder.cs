namespace Broadsheet.Core;

/// <summary>
/// The data folder that holds everything one Broadsheet installation stores: the SQLite database,
/// the blob store and the search index. Every command takes it as <c>--data</c>.
/// </summary>
public sealed class DataFolder
{
    public DataFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string DatabasePath => Path.Combine(Root, "broadsheet.db");

    public string BlobsPath => Path.Combine(Root, "blobs");

    public string IndexPath => Path.Combine(Root, "index");

    /// <summary>Scratch space for imports in progress; safe to empty when no import runs.</summary>
    public string StagingPath => Path.Combine(Root, "staging");
}
