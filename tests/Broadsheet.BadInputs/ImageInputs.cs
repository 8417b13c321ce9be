using System.Buffers.Binary;
using System.IO.Compression;
using static Broadsheet.BadInputs.Packages;

namespace Broadsheet.BadInputs;

/// <summary>Page images that lie about their size, loop, or are not what their name says.</summary>
internal static class ImageInputs
{
    public static IEnumerable<BadInput> All()
    {
        yield return Image("png-claims-100000x100000", "a PNG whose header claims 100,000 x 100,000 pixels", "03-Life.png",
            "03-Life.png: the image claims 100000 x 100000 pixels", () => Png(100_000, 100_000, RawPdf.Deflate(new byte[300_001], 1)));
        yield return Image("png-bomb-15000x15000", "a 15,000 x 15,000 PNG of one colour: 675 MB of pixels in a 0.7 MB file", "03-Life.png",
            null, () => Png(15_000, 15_000, RawPdf.Deflate(new byte[45_001], 15_000)));
        yield return Image("jpeg-claims-65000x65000", "a JPEG whose frame header claims 65,000 x 65,000 pixels", "03-Life.jpg",
            "03-Life.jpg: the image claims 65000 x 65000 pixels", () => Jpeg(65_000, 65_000));
        yield return Image("tiff-claims-1000000x1000000", "a TIFF whose directory claims a million pixels square", "03-Life.tif",
            "03-Life.tif: the image claims 1000000 x 1000000 pixels", () => Tiff(1_000_000, 1_000_000, loop: false));
        yield return Image("tiff-directory-loop", "a TIFF whose next-directory offset points at itself", "03-Life.tif",
            "03-Life.tif: the page image could not be decoded (", () => Tiff(600, 800, loop: true));
        yield return Image("jpeg-truncated", "a JPEG frame header and nothing after it", "03-Life.jpg",
            "03-Life.jpg: the page image could not be decoded (", () => Jpeg(600, 800)[..^2]);
        // libvips decodes what is there and leaves the rest of the page blank.
        yield return Image("png-truncated", "a PNG cut off in its image data", "03-Life.png",
            null, () => Png(600, 800, RawPdf.Deflate(new byte[1801], 800))[..200]);
        yield return Image("png-bad-crc", "a PNG whose header's checksum is wrong", "03-Life.png",
            "03-Life.png: the page image could not be decoded (", () =>
            {
                var png = Png(600, 800, RawPdf.Deflate(new byte[1801], 800));
                png[29] ^= 0xFF;
                return png;
            });
        yield return Image("gif-named-png", "a GIF named .png", "03-Life.png",
            "03-Life.png: neither a PDF nor a JPEG, PNG or TIFF image (it starts with \"GIF8\")", () => "GIF89a\x01\0\x01\0\0\0\0;"u8.ToArray());
        yield return Image("svg-script-named-png", "an SVG with a script, named .png", "03-Life.png",
            "03-Life.png: neither a PDF nor a JPEG, PNG or TIFF image (it starts with \"<svg\")", () => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray());
        yield return Image("bmp-named-jpg", "a BMP named .jpg", "03-Life.jpg",
            "03-Life.jpg: neither a PDF nor a JPEG, PNG or TIFF image (it starts with \"BM", () => [(byte)'B', (byte)'M', .. new byte[60]]);
        yield return Image("empty-jpg", "an empty file named .jpg", "03-Life.jpg", "03-Life.jpg: the file is empty", () => []);
        yield return Image("png-strip-100x6000", "a PNG 100 pixels wide and 6,000 tall (2000 px wide it would be 120,000 px tall)", "03-Life.png",
            "03-Life.png: the page is 24 x 1440 pt, 60 times as tall as it is wide; a page may be at most 8 times", () => Png(100, 6000, RawPdf.Deflate(new byte[301], 6000)));
        yield return Image("png-1x1", "a page image of one pixel", "03-Life.png", "03-Life.png: the image is 1 x 1 pixels, too small to be a page", () => Png(1, 1, RawPdf.Deflate(new byte[4], 1)));
    }

    private static BadInput Image(string name, string what, string file, string? refusal, Func<byte[]> image) =>
        new(name, InputKind.Image, what, refusal, root => WithGoodPages(root, file, image()));

    private static byte[] Png(uint width, uint height, byte[] idat)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, idat);
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. type, .. data]));
        png.Write(number);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A baseline JPEG's markers with a frame header of the size given, and a scan of a few bytes.</summary>
    private static byte[] Jpeg(ushort width, ushort height)
    {
        var sof = new byte[] { 0xFF, 0xC0, 0, 11, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0 };
        return [0xFF, 0xD8, .. sof, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 0x12, 0x34, 0xFF, 0xD9];
    }

    /// <summary>A little-endian TIFF with one directory (width, height, 8-bit grey, one strip); optionally its next directory is itself.</summary>
    private static byte[] Tiff(uint width, uint height, bool loop)
    {
        using var tiff = new MemoryStream();
        using var w = new BinaryWriter(tiff);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(8u);
        (ushort Tag, ushort Type, uint Value)[] entries = [(256, 4, width), (257, 4, height), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 200), (277, 3, 1), (278, 4, height), (279, 4, 64)];
        w.Write((ushort)entries.Length);
        foreach (var (tag, type, value) in entries)
        {
            w.Write(tag);
            w.Write(type);
            w.Write(1u);
            w.Write(value);
        }

        w.Write(loop ? 8u : 0u);
        while (tiff.Length < 264)
        {
            w.Write((byte)0x80);
        }

        return tiff.ToArray();
    }

    internal static byte[] Deflated(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(data);
        }

        return output.ToArray();
    }
}
