using System.Buffers.Binary;

namespace Broadsheet.Imaging.Rasterizing;

/// <summary>Reads a PNG's dimensions from its IHDR chunk without decoding the image.</summary>
internal static class PngHeader
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) ReadSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        if (!header[..8].SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a PNG image.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(header[16..20]), BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }
}
