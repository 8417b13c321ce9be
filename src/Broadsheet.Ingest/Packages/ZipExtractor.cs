using System.Globalization;
using System.IO.Compression;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// Unpacks the page files (PDFs, images) and the manifest of a zip package into a folder. Every entry's path is checked before anything
/// is written, so an archive with a path that escapes the folder (zip slip) is refused as a whole;
/// entry count and unpacked size are capped, counting the bytes actually written rather than trusting
/// the sizes the archive declares.
/// </summary>
internal static class ZipExtractor
{
    public static void Extract(string zipPath, string destination, long maxBytes, int maxEntries, CancellationToken cancellationToken)
    {
        var display = Path.GetFileName(zipPath);
        var root = Path.GetFullPath(destination);
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);

        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException($"{display}: not a zip archive, or a damaged one ({ex.Message})", ex);
        }

        using (archive)
        {
            try
            {
                Unpack(archive, display, rootWithSeparator, maxBytes, maxEntries, cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                // The central directory is read when the entries are first asked for, and an entry's data when it is
                // read: a damaged archive shows itself there, not when it is opened (found by fuzzing).
                throw new ImportException($"{display}: not a zip archive, or a damaged one ({ex.Message})", ex);
            }
            catch (IOException ex) when (ex is not FileNotFoundException)
            {
                // An entry cut short, or two that cannot both be written (a file 01.pdf and a folder 01.pdf/).
                throw new ImportException($"{display}: could not be unpacked ({ex.Message})", ex);
            }
            catch (NotSupportedException ex)
            {
                throw new ImportException($"{display}: an entry is packed in a way this reader does not support ({ex.Message}); zip it again with ordinary compression", ex);
            }
        }
    }

    private static void Unpack(ZipArchive archive, string display, string rootWithSeparator, long maxBytes, int maxEntries, CancellationToken cancellationToken)
    {
        if (archive.Entries.Count > maxEntries)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"{display}: holds {archive.Entries.Count} entries, more than the {maxEntries} a package may have (Broadsheet:Ingest:MaxPackageEntries)"));
        }

        var targets = new List<(ZipArchiveEntry Entry, string Path)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.Contains('\0', StringComparison.Ordinal))
            {
                throw new ImportException($"{display}: an entry name holds a NUL character; refusing the archive");
            }

            var target = TargetPath(entry.FullName, rootWithSeparator)
                ?? throw new ImportException($"{display}: entry '{entry.FullName}' points outside the package folder; refusing the archive");
            declared += entry.Length;
            if (IsPackageFile(entry.FullName))
            {
                if (!seen.Add(target))
                {
                    throw new ImportException($"{display}: entry '{entry.FullName}' appears twice; refusing the archive");
                }

                targets.Add((entry, target));
            }
        }

        if (declared > maxBytes)
        {
            throw TooLarge(display, maxBytes);
        }

        long written = 0;
        var buffer = new byte[81920];
        foreach (var (entry, target) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var input = entry.Open();
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                written += read;
                if (written > maxBytes)
                {
                    throw TooLarge(display, maxBytes);
                }

                output.Write(buffer, 0, read);
            }
        }
    }

    /// <summary>
    /// Entries worth unpacking: page files and the manifest (an <c>edition.xml</c> too, so that it can be
    /// refused by name); not ground truth, notes, hidden files or macOS resource forks.
    /// </summary>
    public static bool IsPackageFile(string path)
    {
        var segments = path.Split('/', '\\');
        var name = segments[^1];
        var isManifest = string.Equals(name, EditionManifest.FileName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "edition.xml", StringComparison.OrdinalIgnoreCase);
        return FileSignature.IsPageFileName(path)
            || (isManifest && !segments.Any(s => string.Equals(s, "__MACOSX", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Where an entry would land, or null when its name is absolute or climbs out of the folder.</summary>
    private static string? TargetPath(string entryName, string rootWithSeparator)
    {
        var name = entryName.Replace('\\', '/');
        if (name.Length == 0 || name.StartsWith('/') || Path.IsPathRooted(name) || (name.Length > 1 && name[1] == ':'))
        {
            return null;
        }

        if (name.Split('/').Any(s => s == ".."))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(rootWithSeparator, name));
        return full.StartsWith(rootWithSeparator, StringComparison.Ordinal) ? full : null;
    }

    private static ImportException TooLarge(string display, long maxBytes)
    {
        var size = maxBytes >= 1L << 30
            ? string.Create(CultureInfo.InvariantCulture, $"{maxBytes / (1024.0 * 1024 * 1024):0.#} GB")
            : string.Create(CultureInfo.InvariantCulture, $"{maxBytes / (1024.0 * 1024):0.#} MB");
        return new($"{display}: unpacks to more than {size}, the most a package may hold (Broadsheet:Ingest:MaxPackageBytes)");
    }
}
