namespace Broadsheet.Ingest.Packages;

/// <summary>What a page file holds, told by its first bytes rather than its name.</summary>
internal enum PageFileKind
{
    Unknown = 0,
    Pdf = 1,
    Jpeg = 2,
    Png = 3,
    Tiff = 4,
}

/// <summary>Recognises page files by their signature (magic bytes).</summary>
internal static class FileSignature
{
    /// <summary>Extensions a package's page files may have; which kind a file is comes from its content.</summary>
    private static readonly string[] PageExtensions = [".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    public static bool IsImage(this PageFileKind kind) => kind is PageFileKind.Jpeg or PageFileKind.Png or PageFileKind.Tiff;

    /// <summary>Whether a file name can hold a page: a PDF or an image, not hidden, not a macOS resource fork.</summary>
    public static bool IsPageFileName(string path)
    {
        var segments = path.Split('/', '\\');
        var name = segments[^1];
        return PageExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            && !name.StartsWith('.')
            && !segments.Any(s => string.Equals(s, "__MACOSX", StringComparison.OrdinalIgnoreCase));
    }

    public static bool HasPdfExtension(string path) => path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    public static PageFileKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return PageFileKind.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return PageFileKind.Jpeg;
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8))
        {
            return PageFileKind.Tiff;
        }

        // PDF writers may put a little junk before the header; readers accept it within the first kilobyte.
        return head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0 ? PageFileKind.Pdf : PageFileKind.Unknown;
    }

    public static PageFileKind Sniff(string path)
    {
        Span<byte> head = stackalloc byte[1024];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Sniff(head[..read]);
    }
}
