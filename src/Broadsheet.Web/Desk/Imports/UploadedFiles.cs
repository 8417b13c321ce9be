using System.Globalization;
using System.Text;

namespace Broadsheet.Web.Desk.Imports;

/// <summary>
/// Checks an upload's files by their first bytes, never by the names the browser sent, and writes them to a
/// staging folder under names made safe here. One zip, or any number of page PDFs and images (with an
/// optional <c>edition.json</c>), becomes one package the importer can open.
/// </summary>
internal static class UploadedFiles
{
    private const string Manifest = "edition.json";
    private const int MaxNameLength = 120;
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngStart = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Writes <paramref name="files"/> into <paramref name="folder"/> and returns the package path to import:
    /// the zip, or a subfolder named <paramref name="packageName"/> with the pages. On a refusal nothing is kept
    /// and the message names the file.
    /// </summary>
    public static async Task<(string? SourcePath, UploadRefusal? Error)> SaveAsync(
        IReadOnlyList<IFormFile> files, string folder, string packageName, DeskUploadOptions limits, CancellationToken cancellationToken)
    {
        var (checkedFiles, error) = await CheckAsync(files, limits, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        var zip = checkedFiles.Count == 1 && checkedFiles[0].Kind == UploadKind.Zip;
        var target = zip ? folder : Path.Combine(folder, packageName);
        Directory.CreateDirectory(target);
        foreach (var (file, _, name) in checkedFiles)
        {
            await using var source = file.OpenReadStream();
            await using var destination = new FileStream(Path.Combine(target, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await source.CopyToAsync(destination, cancellationToken);
        }

        return (zip ? Path.Combine(target, checkedFiles[0].Name) : target, null);
    }

    private static async Task<(List<(IFormFile File, UploadKind Kind, string Name)> Files, UploadRefusal? Error)> CheckAsync(
        IReadOnlyList<IFormFile> files, DeskUploadOptions limits, CancellationToken cancellationToken)
    {
        var result = new List<(IFormFile, UploadKind, string)>();
        if (files.Count == 0)
        {
            return (result, new("请选择要上传的文件：各版的 PDF（或版面图片），或者一个 zip。"));
        }

        if (files.Count > limits.MaxFiles)
        {
            return (result, new(string.Create(CultureInfo.InvariantCulture, $"一次最多上传 {limits.MaxFiles} 个文件，这次有 {files.Count} 个。"), StatusCodes.Status413PayloadTooLarge));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var shown = ClientName(file.FileName, i);
            if (file.Length == 0)
            {
                return (result, new($"{shown}：文件是空的，没有上传。"));
            }

            if (file.Length > limits.MaxFileBytes)
            {
                return (result, new($"{shown}：文件有 {Megabytes(file.Length)}，超过了每个文件 {Megabytes(limits.MaxFileBytes)} 的上限，没有上传。", StatusCodes.Status413PayloadTooLarge));
            }

            var head = new byte[16];
            int read;
            await using (var stream = file.OpenReadStream())
            {
                read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            }

            var kind = Sniff(head.AsSpan(0, read), shown);
            if (kind == UploadKind.Unknown)
            {
                return (result, new($"{shown}：不是 PDF、zip 或 JPEG/PNG/TIFF 图片（文件开头是“{Printable(head.AsSpan(0, Math.Min(read, 8)))}”），没有上传。"));
            }

            var name = StagedName(shown, kind, i);
            if (!names.Add(name))
            {
                return (result, new($"{shown}：和另一个文件同名，每个版面只能上传一次。"));
            }

            result.Add((file, kind, name));
        }

        if (result.Count > 1 && result.Exists(f => f.Item2 == UploadKind.Zip))
        {
            return (result, new("zip 要单独上传：一次上传一个 zip，或者多个版面文件，不能混在一起。"));
        }

        if (result.TrueForAll(f => f.Item2 == UploadKind.Manifest))
        {
            return (result, new($"只有 {Manifest}，没有版面文件。"));
        }

        return (result, null);
    }

    /// <summary>The kind of file its first bytes say it is; a manifest only under its own name and when it looks like JSON.</summary>
    internal static UploadKind Sniff(ReadOnlySpan<byte> head, string name)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return UploadKind.Pdf;
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return UploadKind.Zip;
        }

        if (head.StartsWith(JpegStart))
        {
            return UploadKind.Jpeg;
        }

        if (head.StartsWith(PngStart))
        {
            return UploadKind.Png;
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return UploadKind.Tiff;
        }

        if (string.Equals(name, Manifest, StringComparison.OrdinalIgnoreCase))
        {
            var text = head.StartsWith(Utf8Bom) ? head[3..] : head;
            var start = text.IndexOfAnyExcept(" \t\r\n"u8);
            if (start >= 0 && text[start] == (byte)'{')
            {
                return UploadKind.Manifest;
            }
        }

        return UploadKind.Unknown;
    }

    /// <summary>The name a file the browser called <paramref name="clientName"/> is written under in staging.</summary>
    internal static string StagedName(string? clientName, UploadKind kind, int index) => SafeName(ClientName(clientName, index), kind, index);

    /// <summary>The file's own name without any folder the browser sent (some send a whole Windows path).</summary>
    private static string ClientName(string? fileName, int index)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && Array.IndexOf(Path.GetInvalidFileNameChars(), c) < 0 && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
            {
                clean.Append(c);
            }
        }

        var trimmed = clean.ToString().Trim().TrimStart('.').Trim();
        return trimmed.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"文件{index + 1}") : trimmed;
    }

    /// <summary>
    /// A name safe to write in staging, whose extension is the one its content calls for, so the importer
    /// (which reads page labels from names) sees a PDF as .pdf whatever the browser called it.
    /// </summary>
    private static string SafeName(string shown, UploadKind kind, int index)
    {
        if (kind == UploadKind.Manifest)
        {
            return Manifest;
        }

        var extension = Path.GetExtension(shown);
        var stem = Path.GetFileNameWithoutExtension(shown);
        if (stem.Length == 0)
        {
            stem = string.Create(CultureInfo.InvariantCulture, $"file{index + 1}");
        }

        var wanted = kind switch
        {
            UploadKind.Pdf => ".pdf",
            UploadKind.Zip => ".zip",
            UploadKind.Png => ".png",
            UploadKind.Jpeg => extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase) ? ".jpeg" : ".jpg",
            _ => extension.Equals(".tif", StringComparison.OrdinalIgnoreCase) ? ".tif" : ".tiff",
        };
        if (stem.Length > MaxNameLength)
        {
            stem = stem[..MaxNameLength];
        }

        return stem + wanted;
    }

    private static string Printable(ReadOnlySpan<byte> head)
    {
        var text = new StringBuilder(head.Length);
        foreach (var b in head)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        }

        return text.ToString();
    }

    internal static string Megabytes(long bytes) =>
        bytes >= 1024L * 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");
}

/// <summary>Why an upload was refused, naming the file, and the status code that says so.</summary>
internal sealed record UploadRefusal(string Message, int Status = StatusCodes.Status400BadRequest);

internal enum UploadKind
{
    Unknown,
    Pdf,
    Zip,
    Jpeg,
    Png,
    Tiff,
    Manifest,
}
