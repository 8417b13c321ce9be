using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Data.Postgres;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Data.Backup;

/// <summary>What a backup or a restore did: the database's rows per table and the blobs, with their bytes.</summary>
public sealed record BackupSummary(string Database, IReadOnlyDictionary<string, long> Rows, int Blobs, long BlobBytes);

/// <summary>
/// <c>broadsheet backup</c> and <c>broadsheet restore</c>: a whole installation (its database and its blobs) to a folder and
/// back. The database is copied consistently while the server runs (SQLite's online backup, or <c>pg_dump</c>), then the
/// blobs, under the blob lock that keeps the sweep of unused blobs away meanwhile (imports share it), so every blob the
/// copied database names is in the backup. The search index is not backed up: it is rebuilt from the database.
/// A restore reads every byte of the backup against its manifest, and checks the installation it fills, before it changes
/// anything; what it refuses, it refuses in one sentence naming the file or the folder.
/// </summary>
public static class InstallationBackup
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    /// <summary>Backs up <paramref name="from"/> into <paramref name="directory"/>, which must not exist or be empty.</summary>
    public static async Task<BackupSummary> BackupAsync(DataFolder from, string directory, TimeProvider clock, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(clock);
        var target = Path.GetFullPath(directory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new DomainException($"{target}: not empty; back up into a new or empty folder.");
        }

        if (!from.DatabaseIsServer && !File.Exists(from.DatabasePath))
        {
            throw new DomainException($"{from.DatabasePath}: no database there to back up (--data names an installation's data folder).");
        }

        // Written beside the target and renamed into place at the end: a backup folder is whole or not there.
        var partial = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".partial-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(partial);
        try
        {
            Dictionary<string, long> rows;
            int blobs;
            long bytes;
            using (await LockBlobsSharedAsync(from, cancellationToken))
            {
                progress?.Report("Database …");
                rows = from.DatabaseIsServer
                    ? await PostgresBackup.SaveAsync(PostgresDatabase.ConnectionString(from.Database!), Path.Combine(partial, BackupManifest.PostgresFile), cancellationToken)
                    : SqliteBackup.Save(from.DatabasePath, Path.Combine(partial, BackupManifest.SqliteFile));
                progress?.Report("Blobs …");
                (blobs, bytes) = await CopyBlobsAsync(from.BlobsPath, Path.Combine(partial, BackupManifest.BlobsFolder), progress, cancellationToken);
            }

            var files = Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(f => new BackupFile(Path.GetRelativePath(partial, f).Replace(Path.DirectorySeparatorChar, '/'), new FileInfo(f).Length, BackupManifest.HashOf(f)))
                .ToList();
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), from.DatabaseIsServer ? "postgresql" : "sqlite", rows, files);
            manifest.Write(partial);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(partial, target);
            return new BackupSummary(manifest.Database, rows, blobs, bytes);
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            DeleteQuietly(partial);
            throw;
        }
    }

    /// <summary>
    /// Restores the backup in <paramref name="directory"/> into <paramref name="to"/>: refused unless the backup matches its
    /// manifest, its database is of <paramref name="to"/>'s kind, no server holds <paramref name="to"/>'s search index, and
    /// <paramref name="to"/> holds no database rows and no blobs (unless <paramref name="replace"/>). The blobs are staged
    /// beside the blob folder, the database restored in one step (a file renamed into place, or pg_restore in one
    /// transaction), and only then the blob folder swapped; the old search index is removed so the server rebuilds it.
    /// </summary>
    public static async Task<BackupSummary> RestoreAsync(string directory, DataFolder to, bool replace, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        var source = Path.GetFullPath(directory);
        if (!Directory.Exists(source))
        {
            throw new DomainException($"{source}: no such folder; nothing was changed.");
        }

        var manifest = BackupManifest.Read(source);
        var kind = to.DatabaseIsServer ? "postgresql" : "sqlite";
        if (manifest.Database != kind)
        {
            throw new DomainException($"{Path.Combine(source, BackupManifest.FileName)}: a {manifest.Database} backup cannot be restored into a {kind} database; "
                + "restore it into its own kind, then move it with broadsheet db copy. Nothing was changed.");
        }

        progress?.Report($"Checking {manifest.Files.Count} files against the manifest …");
        manifest.Verify(source, cancellationToken);

        using var owner = ClaimIndex(to);
        var server = to.DatabaseIsServer ? PostgresDatabase.ConnectionString(to.Database!) : null;
        if (!replace)
        {
            var rows = server is null
                ? SqliteBackup.Exists(to.DatabasePath) ? SqliteBackup.Rows(to.DatabasePath) : []
                : await PostgresBackup.RowsAsync(server, cancellationToken);
            var holding = rows.Where(r => r.Value > 0 && r.Key != "__EFMigrationsHistory").Select(r => r.Key).FirstOrDefault();
            if (holding is not null || (server is null && SqliteBackup.Exists(to.DatabasePath) && rows.Count == 0))
            {
                throw new DomainException($"{(server is null ? to.DatabasePath : "--db")}: holds an installation ({holding ?? "a database"}); restore fills an empty one, or replaces it with --force. Nothing was changed.");
            }

            if (Directory.Exists(to.BlobsPath) && Directory.EnumerateFiles(to.BlobsPath, "*", SearchOption.AllDirectories).Any())
            {
                throw new DomainException($"{to.BlobsPath}: holds blobs; restore fills an empty installation, or replaces it with --force. Nothing was changed.");
            }
        }

        var staged = to.BlobsPath + ".restoring";
        DeleteQuietly(staged);
        try
        {
            progress?.Report("Blobs …");
            var (blobs, bytes) = await CopyBlobsAsync(Path.Combine(source, BackupManifest.BlobsFolder), staged, progress, cancellationToken);
            progress?.Report("Database …");
            if (server is null)
            {
                SqliteBackup.Restore(Path.Combine(source, BackupManifest.SqliteFile), to.DatabasePath);
            }
            else
            {
                await PostgresBackup.RestoreAsync(Path.Combine(source, BackupManifest.PostgresFile), server, replace, cancellationToken);
            }

            var old = to.BlobsPath + ".replaced";
            DeleteQuietly(old);
            if (Directory.Exists(to.BlobsPath))
            {
                Directory.Move(to.BlobsPath, old);
            }

            Directory.Move(staged, to.BlobsPath);
            DeleteQuietly(old);
            // The index described the installation that was here; a server rebuilds it from the restored database.
            DeleteQuietly(to.IndexPath);
            File.Delete(Path.TrimEndingDirectorySeparator(to.IndexPath) + ".feed");

            var restored = server is null ? SqliteBackup.Rows(to.DatabasePath) : await PostgresBackup.RowsAsync(server, cancellationToken);
            var different = manifest.Rows.Where(r => !restored.TryGetValue(r.Key, out var n) || n != r.Value).Select(r => r.Key).ToList();
            if (different.Count > 0)
            {
                throw new InvalidDataException($"the restored database's rows differ from the manifest's in {string.Join(", ", different)}; do not serve it.");
            }

            return new BackupSummary(manifest.Database, restored, blobs, bytes);
        }
        finally
        {
            DeleteQuietly(staged);
        }
    }

    /// <summary>Copies every file under <paramref name="from"/> to <paramref name="to"/>; a blob deleted meanwhile (a failed import's own) is skipped.</summary>
    private static async Task<(int Files, long Bytes)> CopyBlobsAsync(string from, string to, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return (0, 0);
        }

        var files = 0;
        long bytes = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            try
            {
                await using var read = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
                await using var write = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await read.CopyToAsync(write, cancellationToken);
                bytes += write.Length;
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            if (++files % 1000 == 0)
            {
                progress?.Report($"Blobs: {files} files");
            }
        }

        return (files, bytes);
    }

    /// <summary>
    /// The data folder's blob lock (<c>blobs.lock</c>, held shared by imports and exclusively by the sweep of unused blobs),
    /// shared: the sweep cannot delete a blob the copied database names while the blobs are copied.
    /// </summary>
    private static async Task<IDisposable> LockBlobsSharedAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder.Root, "blobs.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    /// <summary>The search index's owner lock (<c>index.owner</c>, held by a running server): refused while a server runs on the folder.</summary>
    private static FileStream ClaimIndex(DataFolder folder)
    {
        var path = Path.TrimEndingDirectorySeparator(folder.IndexPath) + ".owner";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new DomainException($"{folder.IndexPath}: a server (or an import) is using this installation; stop it before restoring. Nothing was changed.");
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run, which starts by removing it.
        }
    }
}
