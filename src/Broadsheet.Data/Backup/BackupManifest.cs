using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Broadsheet.Core.Model;

namespace Broadsheet.Data.Backup;

/// <summary>One file of a backup: its path under the backup folder ('/'-separated), its length and its SHA-256.</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>
/// <c>manifest.json</c>, written last into a backup folder: what the backup holds, each file with its SHA-256, so a
/// restore can tell a whole backup from a damaged or incomplete one before it changes anything. Row counts are those of
/// the database as it was copied, for an operator to read (and a restore to report).
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>; another value is refused.</param>
/// <param name="Database"><c>sqlite</c> (the file, <see cref="SqliteFile"/>) or <c>postgresql</c> (pg_dump's custom format, <see cref="PostgresFile"/>).</param>
public sealed record BackupManifest(string Format, DateTimeOffset Created, string Database, IReadOnlyDictionary<string, long> Rows, IReadOnlyList<BackupFile> Files)
{
    public const string CurrentFormat = "broadsheet-backup/1";
    public const string FileName = "manifest.json";
    public const string SqliteFile = "broadsheet.db";
    public const string PostgresFile = "database.pgdump";
    public const string BlobsFolder = "blobs";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Write(string folder) =>
        File.WriteAllText(System.IO.Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The manifest of the backup in <paramref name="folder"/>; refused in one sentence naming the file when it is missing or unreadable.</summary>
    public static BackupManifest Read(string folder)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new DomainException($"{path}: not found; {folder} is not a finished broadsheet backup. Nothing was changed.");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new DomainException($"{path}: damaged ({e.Message}). Nothing was changed.");
        }

        if (manifest is null || manifest.Files is null || manifest.Format != CurrentFormat || manifest.Database is not ("sqlite" or "postgresql"))
        {
            throw new DomainException($"{path}: not a {CurrentFormat} manifest. Nothing was changed.");
        }

        return manifest;
    }

    /// <summary>
    /// Every file the manifest lists is there with its length and hash, and nothing else is: the first that is not is
    /// refused in one sentence naming it. Reads every byte of the backup.
    /// </summary>
    public void Verify(string folder, CancellationToken cancellationToken)
    {
        var root = System.IO.Path.GetFullPath(folder);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, file.Path));
            if (!path.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) || !listed.Add(path))
            {
                throw new DomainException($"{System.IO.Path.Combine(root, FileName)}: lists {file.Path}, which is not a file of this backup; restore refused, nothing was changed.");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new DomainException($"{path}: missing from the backup; restore refused, nothing was changed.");
            }

            if (info.Length != file.Bytes || !string.Equals(HashOf(path), file.Sha256, StringComparison.Ordinal))
            {
                throw new DomainException($"{path}: damaged (its SHA-256 is not the manifest's); restore refused, nothing was changed.");
            }
        }

        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!listed.Contains(path) && !string.Equals(System.IO.Path.GetFileName(path), FileName, StringComparison.Ordinal))
            {
                throw new DomainException($"{path}: not in the backup's manifest; restore refused, nothing was changed.");
            }
        }
    }

    internal static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
