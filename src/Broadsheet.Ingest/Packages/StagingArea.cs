using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// One import's scratch folder under the data folder's <c>staging/</c>, held by a lock file beside it for
/// as long as the import runs. The operating system drops the lock when the process ends however it ends,
/// so the next import can tell a folder left by a killed run (lock free, or no lock file) from one in use
/// by an import running now (lock held, or its process still alive where a file system ignores locks), and
/// removes only the former.
/// </summary>
internal sealed class StagingArea : IDisposable
{
    private const string Prefix = "import-";
    private const string LockExtension = ".lock";

    /// <summary>
    /// Held shared by every running import and exclusively by <see cref="OrphanBlobSweep"/> (flock on Linux), so
    /// the sweep never deletes a blob an import is about to use, and an import waits while a sweep runs. It sits in
    /// the data folder beside <c>staging/</c>, which an idle installation keeps empty.
    /// </summary>
    private const string BlobLock = "blobs.lock";

    private static readonly TimeSpan SweepWait = TimeSpan.FromMinutes(5);
    private readonly FileStream _lock;
    private readonly FileStream _blobs;

    private StagingArea(string path, FileStream lockFile, FileStream blobs)
    {
        Path = path;
        _lock = lockFile;
        _blobs = blobs;
    }

    /// <summary>The folder this import may write into.</summary>
    public string Path { get; }

    /// <summary>Removes what killed imports left in <paramref name="stagingRoot"/>, then makes a folder for this one.</summary>
    public static StagingArea Create(string stagingRoot)
    {
        Directory.CreateDirectory(stagingRoot);
        var blobs = LockBlobsShared(stagingRoot);
        try
        {
            return Create(stagingRoot, blobs);
        }
        catch
        {
            blobs.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The blob lock, exclusively, or null while any import holds it. Whoever holds it may delete blobs no edition
    /// uses; imports wait for it to be released.
    /// </summary>
    public static IDisposable? TryLockBlobsExclusively(string stagingRoot)
    {
        Directory.CreateDirectory(stagingRoot);
        try
        {
            return new FileStream(BlobLockPath(stagingRoot), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string BlobLockPath(string stagingRoot) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(System.IO.Path.TrimEndingDirectorySeparator(stagingRoot)))!, BlobLock);

    private static FileStream LockBlobsShared(string stagingRoot)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(BlobLockPath(stagingRoot), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            catch (IOException) when (waited.Elapsed < SweepWait)
            {
                // A sweep holds it; sweeps take seconds.
                Thread.Sleep(200);
            }
        }
    }

    private static StagingArea Create(string stagingRoot, FileStream blobs)
    {
        RemoveAbandoned(stagingRoot);
        var name = Prefix + Guid.NewGuid().ToString("N");

        // The lock comes first and goes last, so a folder without one is never in use.
        var lockFile = new FileStream(
            System.IO.Path.Combine(stagingRoot, name + LockExtension), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        try
        {
            // The owner's process id, for file systems where the lock itself is not honoured.
            lockFile.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            lockFile.Flush();
            var path = System.IO.Path.Combine(stagingRoot, name);
            Directory.CreateDirectory(path);
            return new StagingArea(path, lockFile, blobs);
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
        _blobs.Dispose();
    }

    /// <summary>Folders of imports that no longer run; one that cannot be removed now is left for the next time. Returns how many were found.</summary>
    internal static int RemoveAbandoned(string stagingRoot)
    {
        var found = 0;
        foreach (var lockPath in Directory.EnumerateFiles(stagingRoot, Prefix + "*" + LockExtension))
        {
            int? owner;
            try
            {
                using var held = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.None);
                var text = new StreamReader(held, Encoding.ASCII).ReadToEnd();
                owner = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var written) ? written : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // Held: that import is running.
            }

            if (owner is { } pid && pid != Environment.ProcessId && IsRunning(pid))
            {
                continue; // Not held, yet its process lives: a file system that ignores locks.
            }

            found++;
            DeleteQuietly(lockPath[..^LockExtension.Length]);
            try
            {
                File.Delete(lockPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Taken meanwhile by another import's clean-up, or not ours to delete: either way harmless.
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(stagingRoot, Prefix + "*"))
        {
            if (!File.Exists(folder + LockExtension))
            {
                found++;
                DeleteQuietly(folder);
            }
        }

        return found;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
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
