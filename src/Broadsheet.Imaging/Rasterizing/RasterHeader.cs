using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Broadsheet.Imaging.Rasterizing;

/// <summary>Reads a raster's dimensions from its header without decoding it: binary PPM (P6) or PNG.</summary>
internal static class RasterHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) ReadSize(string path)
    {
        Span<byte> header = stackalloc byte[64];
        int length;
        using (var file = File.OpenRead(path))
        {
            length = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        header = header[..length];
        if (header.Length >= 24 && header[..8].SequenceEqual(PngSignature))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(header[16..20]), BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
        }

        if (header.Length > 2 && header[0] == (byte)'P' && header[1] == (byte)'6' && TryReadPpm(header[2..], out var size))
        {
            return size;
        }

        throw new InvalidDataException($"{Path.GetFileName(path)} is neither a PPM nor a PNG image.");
    }

    /// <summary>"P6", whitespace, width, whitespace, height, …; '#' starts a comment that runs to the line's end.</summary>
    private static bool TryReadPpm(ReadOnlySpan<byte> rest, out (int Width, int Height) size)
    {
        var numbers = new List<int>(2);
        var i = 0;
        while (numbers.Count < 2 && i < rest.Length)
        {
            if (rest[i] == (byte)'#')
            {
                while (i < rest.Length && rest[i] != (byte)'\n')
                {
                    i++;
                }
            }
            else if (char.IsAsciiDigit((char)rest[i]))
            {
                var start = i;
                while (i < rest.Length && char.IsAsciiDigit((char)rest[i]))
                {
                    i++;
                }

                if (!int.TryParse(Encoding.ASCII.GetString(rest[start..i]), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    break;
                }

                numbers.Add(number);
            }
            else
            {
                i++;
            }
        }

        size = numbers.Count == 2 ? (numbers[0], numbers[1]) : default;
        return numbers.Count == 2 && size.Width > 0 && size.Height > 0;
    }
}
