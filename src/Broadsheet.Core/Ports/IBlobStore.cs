namespace Broadsheet.Core.Ports;

/// <summary>
/// Where page images, PDFs and tiles live. Keys are relative paths with forward slashes
/// (e.g. <c>pages/ab/abcdef….png</c>); writes are atomic, so a reader never sees half a file.
/// </summary>
public interface IBlobStore
{
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing what was there.</summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the file at <paramref name="sourcePath"/> under <paramref name="key"/>. The store may take the file
    /// itself (a local disk moves it into place), so the caller must not use it afterwards.
    /// </summary>
    async Task PutFileAsync(string key, string sourcePath, CancellationToken cancellationToken = default)
    {
        await using var content = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await PutAsync(key, content, cancellationToken);
    }

    /// <summary>
    /// Takes the whole folder at <paramref name="folder"/> in at once as <c>{keyPrefix}/{each file's path in it}</c>,
    /// when nothing is stored under <paramref name="keyPrefix"/> yet and the store can (a local disk renames the
    /// folder into place: a page's images and ~35 tiles appear together, and none of its ~100 tile folders is
    /// made twice and deleted). Returns false, having taken nothing, otherwise; the caller then stores file by file.
    /// </summary>
    Task<bool> TryPutFolderAsync(string keyPrefix, string folder, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    /// <summary>Opens a blob for reading, or returns null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Lists the keys under a prefix (for housekeeping and tests).</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>The file behind a key when the store is a local disk (lets the web server send it directly), else null.</summary>
    string? TryGetLocalPath(string key);
}
