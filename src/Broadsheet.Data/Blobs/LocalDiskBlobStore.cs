using System.Runtime.CompilerServices;
using Broadsheet.Core.Ports;

namespace Broadsheet.Data.Blobs;

/// <summary>
/// Blobs as files under one folder. Writes go to a temporary file in the same folder and are renamed
/// into place, so readers (and nginx serving the folder directly) never see a partial file.
/// </summary>
public sealed class LocalDiskBlobStore : IBlobStore
{
    private readonly string _root;

    public LocalDiskBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(key)));

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task PutFileAsync(string key, string sourcePath, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            // A rename when the file is on the same disk (an import's staging folder is); a copy otherwise.
            File.Move(sourcePath, temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryPutFolderAsync(string keyPrefix, string folder, CancellationToken cancellationToken = default)
    {
        var path = PathOf(keyPrefix);
        if (Directory.Exists(path) || File.Exists(path))
        {
            return Task.FromResult(false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // One rename: readers (and nginx) see the folder whole or not at all.
            Directory.Move(folder, path);
            return Task.FromResult(true);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another disk, or another import of the same page got there first: the caller goes file by file.
            return Task.FromResult(false);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();

        // Only the folder the prefix points into is walked, never the whole store (which holds every tile).
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? _root : Path.Combine(_root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (slash >= 0 && !IsValidKey(prefix[..slash]))
        {
            yield break;
        }

        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal) && !key.EndsWith(".tmp", StringComparison.Ordinal))
            {
                yield return key;
            }
        }
    }

    public string? TryGetLocalPath(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Maps a key to a path, refusing keys that would leave the root folder.</summary>
    private string PathOf(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key.", nameof(key));
        }

        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    internal static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 400
        && key[0] != '/' && !key.Contains('\\', StringComparison.Ordinal)
        && key.Split('/').All(s => s.Length > 0 && s != "." && s != "..")
        // ',' for IIIF tile paths ({region}/{size}/0/default.jpg, e.g. 0,512,512,512/512,512/0/default.jpg).
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or ',');
}
