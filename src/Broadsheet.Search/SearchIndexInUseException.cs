namespace Broadsheet.Search;

/// <summary>
/// The index folder belongs to another process (a running server, or an import or reindex): Lucene allows a
/// single writer, and only the owner may check, rebuild or change the index.
/// </summary>
public sealed class SearchIndexInUseException : IOException
{
    public SearchIndexInUseException(string indexPath, Exception inner)
        : base($"the search index at {indexPath} is in use by another process (a running server?)", inner)
    {
        IndexPath = indexPath;
    }

    public string IndexPath { get; }

    /// <summary>
    /// Takes the index's owner lock (<c>{index}.owner</c> beside the folder, held exclusively while the returned
    /// stream is open; released by the kernel if the process dies), or throws when another holder has it.
    /// </summary>
    internal static FileStream Claim(string indexPath)
    {
        var lockPath = indexPath.TrimEnd(Path.DirectorySeparatorChar) + ".owner";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new SearchIndexInUseException(indexPath, ex);
        }
    }
}
