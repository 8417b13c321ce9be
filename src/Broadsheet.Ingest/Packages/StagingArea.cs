namespace Broadsheet.Ingest.Packages;

/// <summary>
/// One import's scratch folder under the data folder's <c>staging/</c>, held by a lock file beside it for
/// as long as the import runs. The operating system drops the lock when the process ends however it ends,
/// so the next import can tell a folder left by a killed run (lock free, or no lock file) from one in use
/// by an import running now (lock held), and removes only the former.
/// </summary>
internal sealed class StagingArea : IDisposable
{
    private const string Prefix = "import-";
    private const string LockExtension = ".lock";
    private readonly FileStream _lock;

    private StagingArea(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    /// <summary>The folder this import may write into.</summary>
    public string Path { get; }

    /// <summary>Removes what killed imports left in <paramref name="stagingRoot"/>, then makes a folder for this one.</summary>
    public static StagingArea Create(string stagingRoot)
    {
        Directory.CreateDirectory(stagingRoot);
        RemoveAbandoned(stagingRoot);
        var name = Prefix + Guid.NewGuid().ToString("N");

        // The lock comes first and goes last, so a folder without one is never in use.
        var lockFile = new FileStream(
            System.IO.Path.Combine(stagingRoot, name + LockExtension), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        try
        {
            var path = System.IO.Path.Combine(stagingRoot, name);
            Directory.CreateDirectory(path);
            return new StagingArea(path, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the folder and releases the lock.</summary>
    public void Dispose()
    {
        DeleteQuietly(Path);
        _lock.Dispose();
    }

    /// <summary>Folders of imports that no longer run; one that cannot be removed now is left for the next time.</summary>
    internal static void RemoveAbandoned(string stagingRoot)
    {
        foreach (var lockPath in Directory.EnumerateFiles(stagingRoot, Prefix + "*" + LockExtension))
        {
            FileStream held;
            try
            {
                held = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // Held: that import is running.
            }

            using (held)
            {
                DeleteQuietly(lockPath[..^LockExtension.Length]);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(stagingRoot, Prefix + "*"))
        {
            if (!File.Exists(folder + LockExtension))
            {
                DeleteQuietly(folder);
            }
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Scratch space: the next import tries again.
        }
    }
}
