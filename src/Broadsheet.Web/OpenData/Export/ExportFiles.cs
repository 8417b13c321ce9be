using System.Security.Cryptography;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>Writes an export's files only when their bytes change, each through a temporary file and a rename.</summary>
internal sealed class ExportFiles(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"'{relative}' would be written outside the export folder {Root}.");
    }

    public bool Exists(string relative) => File.Exists(PathOf(relative));

    /// <summary>Writes <paramref name="content"/> unless the file already holds exactly it; true when written.</summary>
    public async Task<bool> WriteAsync(string relative, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(relative);
        if (File.Exists(path) && new FileInfo(path).Length == content.Length
            && SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(SHA256.HashData(content)))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    /// <summary>Copies a response into the file (media: large, written once, never compared).</summary>
    public async Task WriteAsync(string relative, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The files under the folder <paramref name="relative"/> (none when it is missing), relative to the root with '/'.</summary>
    public IEnumerable<string> List(string relative)
    {
        var folder = PathOf(relative);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            : [];
    }

    /// <summary>The names of the folders directly under <paramref name="relative"/> (none when it is missing).</summary>
    public IEnumerable<string> Folders(string relative)
    {
        var folder = PathOf(relative);
        return Directory.Exists(folder) ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>() : [];
    }

    /// <summary>The files directly in the folder <paramref name="relative"/>, relative to the root with '/'.</summary>
    public IEnumerable<string> Files(string relative)
    {
        var folder = PathOf(relative);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            : [];
    }

    public long Size(string relative) => new FileInfo(PathOf(relative)).Length;

    /// <summary>Deletes a file, and the folders it leaves empty up to the root.</summary>
    public void Delete(string relative)
    {
        var path = PathOf(relative);
        File.Delete(path);
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder != Root && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
        {
            Directory.Delete(folder);
        }
    }
}
