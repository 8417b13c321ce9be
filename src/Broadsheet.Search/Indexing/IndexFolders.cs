using System.Globalization;

namespace Broadsheet.Search.Indexing;

/// <summary>
/// The sibling folders an index uses on disk: <c>{path}.rebuild-*</c> while a rebuild runs,
/// <c>{path}.old-*</c> for a moment during the swap, <c>{path}.corrupt-N</c> for a damaged index kept for inspection.
/// </summary>
internal static class IndexFolders
{
    private const string RebuildSuffix = ".rebuild-";
    private const string OldSuffix = ".old-";
    private const string CorruptSuffix = ".corrupt-";

    public static string NewRebuildPath(string path) => path + RebuildSuffix + Guid.NewGuid().ToString("N");

    public static string NewOldPath(string path) => path + OldSuffix + Guid.NewGuid().ToString("N");

    /// <summary>Moves a damaged index out of the way, keeping it for a post-mortem; returns where it went.</summary>
    public static string SetAside(string path)
    {
        for (var n = 1; ; n++)
        {
            var target = path + CorruptSuffix + n.ToString(CultureInfo.InvariantCulture);
            if (!Directory.Exists(target) && !File.Exists(target))
            {
                Directory.Move(path, target);
                return target;
            }
        }
    }

    /// <summary>
    /// Removes rebuild and swap leftovers of a process that died mid-way. Only called while holding the
    /// index's write lock, so no other process can be using them.
    /// </summary>
    public static void DeleteStale(string path)
    {
        var parent = Path.GetDirectoryName(path);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }

        var name = Path.GetFileName(path);
        foreach (var dir in Directory.EnumerateDirectories(parent, name + ".*"))
        {
            var suffix = Path.GetFileName(dir).AsSpan(name.Length);
            if (suffix.StartsWith(RebuildSuffix, StringComparison.Ordinal) || suffix.StartsWith(OldSuffix, StringComparison.Ordinal))
            {
                TryDelete(dir);
            }
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for DeleteStale at the next start.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
