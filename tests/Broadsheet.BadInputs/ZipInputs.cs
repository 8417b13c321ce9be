using System.Buffers.Binary;
using System.Text;
using static Broadsheet.BadInputs.Packages;

namespace Broadsheet.BadInputs;

/// <summary>Archives that escape their folder, lie about their size, or are not archives.</summary>
internal static class ZipInputs
{
    private const string Zip = "2026-11-03.zip";

    public static IEnumerable<BadInput> All()
    {
        var page = GoodPage();
        yield return Archive("zip-slip-dotdot", "an entry named ../escape.pdf",
            $"{Zip}: entry '../escape.pdf' points outside the package folder; refusing the archive", root => Packages.Zip(root, ("01.pdf", page), ("../escape.pdf", page)));
        yield return Archive("zip-absolute-path", "an entry named /tmp/escape.pdf",
            $"{Zip}: entry '/tmp/escape.pdf' points outside the package folder", root => Packages.Zip(root, ("01.pdf", page), ("/tmp/escape.pdf", page)));
        yield return Archive("zip-backslash-traversal", "an entry named ..\\..\\escape.pdf",
            $"{Zip}: entry '..\\..\\escape.pdf' points outside the package folder", root => Packages.Zip(root, ("01.pdf", page), ("..\\..\\escape.pdf", page)));
        yield return Archive("zip-declares-3.5gb", "an entry that declares 3.5 GB",
            $"{Zip}: unpacks to more than 2 GB, the most a package may hold", root => ZipFile(root, Patch(ZipBytes(("01.pdf", page), ("02.pdf", new byte[100_000])), "02.pdf", 3_500_000_000)));
        // .NET's zip reader stops an entry at the size it declares: the 64 MB are never written.
        yield return Archive("zip-lies-about-its-size", "an entry that declares 1 kB and inflates to 64 MB",
            "02.pdf: not a PDF (it starts with \"\\x00\\x00\\x00\\x00\")", root => ZipFile(root, Patch(ZipBytes(("01.pdf", page), ("02.pdf", new byte[64 << 20])), "02.pdf", 1000)));
        yield return new BadInput("zip-inflates-past-the-limit", InputKind.Zip, "an entry that truly inflates to 64 MB (the package limit lowered to 48 MB for the test)",
            $"{Zip}: unpacks to more than 48 MB, the most a package may hold (Broadsheet:Ingest:MaxPackageBytes)",
            root => Packages.Zip(root, ("01.pdf", page), ("02.pdf", new byte[64 << 20])))
        {
            Settings = new Dictionary<string, string> { ["Broadsheet__Ingest__MaxPackageBytes"] = (48 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        yield return Archive("zip-12000-entries", "12,000 entries",
            $"{Zip}: holds 12000 entries, more than the 10000 a package may have", root => Packages.Zip(root, [.. Enumerable.Range(0, 12_000).Select(i => ($"notes/{i}.txt", Array.Empty<byte>()))]));
        yield return Archive("zip-duplicate-entries", "the same page twice under one name",
            $"{Zip}: entry '01.pdf' appears twice; refusing the archive", root => Packages.Zip(root, ("01.pdf", page), ("01.pdf", page)));
        // .NET's reader ignores the flag; the data is a plain page, and that is what gets imported.
        yield return Archive("zip-entry-flagged-encrypted", "a page entry flagged as encrypted (ZipCrypto) whose data is not",
            null, root => ZipFile(root, Encrypted(ZipBytes(("01.pdf", page)))));
        yield return Archive("zip-truncated", "a zip cut off before its central directory",
            $"{Zip}: not a zip archive, or a damaged one", root =>
            {
                var zip = ZipBytes(("01.pdf", page), ("02.pdf", page));
                return ZipFile(root, zip[..(zip.Length / 2)]);
            });
        yield return Archive("zip-empty", "a zip with no entries",
            $"{Zip}: no page PDFs or images found", root => Packages.Zip(root));
        yield return Archive("zip-inside-zip", "the pages in a zip inside the zip",
            $"{Zip}: no page PDFs or images found", root => Packages.Zip(root, ("inner.zip", ZipBytes(("01.pdf", page)))));
        yield return Archive("zip-symlink-entry", "an entry that is a symbolic link to /etc/passwd, named like a page",
            "02.pdf: not a PDF (it starts with \"/etc\")", root => ZipFile(root, Symlink(ZipBytes(("01.pdf", page), ("02.pdf", "/etc/passwd"u8.ToArray())), "02.pdf")));
        yield return Archive("zip-control-characters", "an entry name with a newline and an escape sequence",
            null, root => Packages.Zip(root, ("01.pdf", page), ("02\n\u001b[31m.pdf", GoodPage("Second page"))));
        yield return Archive("text-named-zip", "a text file named .zip",
            $"{Zip}: not a zip archive, or a damaged one", root => ZipFile(root, "not a zip at all"u8.ToArray()));
    }

    private static BadInput Archive(string name, string what, string? refusal, Func<string, string> write) => new(name, InputKind.Zip, what, refusal, write);

    /// <summary>Rewrites the uncompressed size of entry <paramref name="name"/> in its local header and central directory record.</summary>
    private static byte[] Patch(byte[] zip, string name, uint size)
    {
        foreach (var (at, sizeOffset, nameOffset) in Headers(zip))
        {
            if (zip.AsSpan(at + nameOffset).StartsWith(Encoding.UTF8.GetBytes(name)))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + sizeOffset), size);
            }
        }

        return zip;
    }

    private static byte[] Encrypted(byte[] zip)
    {
        foreach (var (at, _, _) in Headers(zip))
        {
            var flags = zip[at + 4] == 0x03 ? at + 6 : at + 8;
            zip[flags] |= 1;
        }

        return zip;
    }

    /// <summary>Marks entry <paramref name="name"/> as a Unix symbolic link (made by Unix, mode 0120777).</summary>
    private static byte[] Symlink(byte[] zip, string name)
    {
        foreach (var (at, _, nameOffset) in Headers(zip))
        {
            if (zip[at + 2] == 0x01 && zip.AsSpan(at + nameOffset).StartsWith(Encoding.UTF8.GetBytes(name)))
            {
                zip[at + 5] = 3;
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + 38), 0xA1FFu << 16);
            }
        }

        return zip;
    }

    /// <summary>Local headers (size at 22, name at 30) and central directory records (size at 24, name at 46).</summary>
    private static IEnumerable<(int At, int SizeOffset, int NameOffset)> Headers(byte[] zip)
    {
        for (var i = 0; i + 4 < zip.Length; i++)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4)
            {
                yield return (i, 22, 30);
            }
            else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2)
            {
                yield return (i, 24, 46);
            }
        }
    }
}
