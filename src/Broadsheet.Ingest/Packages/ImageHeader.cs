using System.Buffers.Binary;

namespace Broadsheet.Ingest.Packages;

/// <summary>An image's size and resolution as its header states them, read without decoding a pixel.</summary>
internal sealed record ImageHeader(PageFileKind Kind, long Width, long Height, double? DpiX, double? DpiY)
{
    public long Pixels => Width * Height;

    /// <summary>
    /// Reads the header of a PNG (IHDR, pHYs), JPEG (SOF, JFIF density) or TIFF (first IFD). Throws
    /// <see cref="InvalidDataException"/> when the header is missing or damaged.
    /// </summary>
    public static ImageHeader Read(string path, PageFileKind kind)
    {
        // Headers sit at the start; 1 MiB is enough for JPEG metadata (EXIF, ICC) before the frame header.
        using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(stream.Length, 1024 * 1024)];
        stream.ReadExactly(buffer);
        return kind switch
        {
            PageFileKind.Png => Png(buffer),
            PageFileKind.Jpeg => Jpeg(buffer),
            PageFileKind.Tiff => Tiff(buffer, stream),
            _ => throw new InvalidDataException("not an image"),
        };
    }

    private static ImageHeader Png(ReadOnlySpan<byte> data)
    {
        if (data.Length < 33 || !data[12..16].SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("the PNG header (IHDR) is missing");
        }

        long width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        long height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        double? dpiX = null, dpiY = null;
        var at = 33;
        while (at + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            var type = data.Slice(at + 4, 4);
            // A chunk that runs past what was read ends the walk; adding its length would overflow (found by fuzzing).
            if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8) || length > (uint)(data.Length - at - 12))
            {
                break;
            }

            if (type.SequenceEqual("pHYs"u8) && length == 9 && at + 17 <= data.Length && data[at + 16] == 1)
            {
                // Pixels per metre.
                dpiX = BinaryPrimitives.ReadUInt32BigEndian(data[(at + 8)..]) * 0.0254;
                dpiY = BinaryPrimitives.ReadUInt32BigEndian(data[(at + 12)..]) * 0.0254;
            }

            at += 12 + (int)length;
        }

        return new ImageHeader(PageFileKind.Png, width, height, dpiX, dpiY);
    }

    private static ImageHeader Jpeg(ReadOnlySpan<byte> data)
    {
        double? dpiX = null, dpiY = null;
        var at = 2;
        while (at + 4 <= data.Length)
        {
            if (data[at] != 0xFF)
            {
                throw new InvalidDataException("the JPEG markers are damaged");
            }

            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            var segment = data.Slice(at + 4, Math.Min(Math.Max(length - 2, 0), data.Length - at - 4));
            if (marker == 0xE1 && dpiX is null && segment.Length > 14 && segment.StartsWith("Exif\0\0"u8))
            {
                // EXIF is a small TIFF structure: its first directory may state the resolution.
                var exif = segment[6..].ToArray();
                var (_, _, x, y) = Ifd(exif, (offset, count) => Slice(exif, offset, count));
                (dpiX, dpiY) = (x, y);
            }

            if (marker == 0xE0 && segment.Length >= 12 && segment.StartsWith("JFIF\0"u8))
            {
                var unit = segment[7];
                var x = BinaryPrimitives.ReadUInt16BigEndian(segment[8..]);
                var y = BinaryPrimitives.ReadUInt16BigEndian(segment[10..]);
                if (unit is 1 or 2 && x > 0 && y > 0)
                {
                    var perInch = unit == 1 ? 1.0 : 2.54;
                    (dpiX, dpiY) = (x * perInch, y * perInch);
                }
            }

            // Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (segment.Length < 5)
                {
                    break;
                }

                long height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
                long width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
                return new ImageHeader(PageFileKind.Jpeg, width, height, dpiX, dpiY);
            }

            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + length;
        }

        throw new InvalidDataException("the JPEG has no frame header");
    }

    private static ImageHeader Tiff(byte[] data, Stream stream)
    {
        var (width, height, dpiX, dpiY) = Ifd(data, (offset, count) => ReadAt(stream, offset, count));
        if (width == 0 || height == 0)
        {
            throw new InvalidDataException("the TIFF does not give its width and height");
        }

        return new ImageHeader(PageFileKind.Tiff, width, height, dpiX, dpiY);
    }

    /// <summary>
    /// Reads the first directory of a TIFF structure (a TIFF file, or the EXIF block of a JPEG) for the
    /// image's size and resolution; <paramref name="read"/> fetches bytes at an offset from the structure's start.
    /// </summary>
    private static (long Width, long Height, double? DpiX, double? DpiY) Ifd(byte[] head, Func<long, int, byte[]> read)
    {
        if (head.Length < 8)
        {
            throw new InvalidDataException("the TIFF header is truncated");
        }

        var little = head[0] == (byte)'I';
        if (U16(head, 2, little) == 43)
        {
            throw new InvalidDataException("BigTIFF is not supported; save the page as a plain TIFF, PNG or JPEG");
        }

        var offset = U32(head, 4, little);
        var directory = read(offset, 2 + (12 * 512));
        if (directory.Length < 2)
        {
            throw new InvalidDataException("the TIFF directory is missing");
        }

        var count = U16(directory, 0, little);
        long width = 0, height = 0;
        uint? xOffset = null, yOffset = null;
        var unit = 2;
        for (var i = 0; i < count && 2 + (12 * i) + 12 <= directory.Length; i++)
        {
            var entry = 2 + (12 * i);
            var tag = U16(directory, entry, little);
            var type = U16(directory, entry + 2, little);
            var value = type == 3 ? U16(directory, entry + 8, little) : U32(directory, entry + 8, little);
            switch (tag)
            {
                case 256: width = value; break;
                case 257: height = value; break;
                case 282: xOffset = value; break;
                case 283: yOffset = value; break;
                case 296: unit = (int)value; break;
            }
        }

        var perInch = unit switch { 2 => 1.0, 3 => 2.54, _ => 0 };
        double? Resolution(uint? at)
        {
            if (at is not { } o || perInch == 0)
            {
                return null;
            }

            var rational = read(o, 8);
            var denominator = U32(rational, 4, little);
            return rational.Length == 8 && denominator != 0 ? U32(rational, 0, little) / (double)denominator * perInch : null;
        }

        return (width, height, Resolution(xOffset), Resolution(yOffset));
    }

    private static byte[] Slice(ReadOnlySpan<byte> data, long offset, int count) =>
        offset >= data.Length ? [] : data.Slice((int)offset, (int)Math.Min(count, data.Length - offset)).ToArray();

    private static byte[] ReadAt(Stream stream, long offset, int count)
    {
        if (offset >= stream.Length)
        {
            return [];
        }

        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[(int)Math.Min(count, stream.Length - offset)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static ushort U16(byte[] data, int at, bool little) =>
        at + 2 > data.Length ? (ushort)0 : little ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));

    private static uint U32(byte[] data, int at, bool little) =>
        at + 4 > data.Length ? 0 : little ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
}
