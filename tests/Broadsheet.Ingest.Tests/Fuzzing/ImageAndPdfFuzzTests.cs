using System.Buffers.Binary;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Tests.Support;
using CsCheck;

namespace Broadsheet.Ingest.Tests.Fuzzing;

/// <summary>
/// Page images are checked from their headers and page PDFs opened before anything is staged; whatever the bytes,
/// the check gives the page's size or one line naming the file, never another exception.
/// </summary>
// Fuzzing (thousands of generated inputs): the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class ImageAndPdfFuzzTests : IDisposable
{
    private const long MaxPixels = 100_000_000;

    private readonly TempFolder _folder = new();

    /// <summary>A PNG signature, then chunks whose lengths lean to the values where offsets overflow.</summary>
    private static readonly Gen<byte[]> Png = Gen.Select(Fuzz.Boundary, Fuzz.Boundary, Gen.Select(Fuzz.Boundary, Gen.OneOf("pHYs", "tEXt", "iCCP", "IDAT", "IHDR", "zzzz"), Gen.Byte.Array[0, 24]).Array[0, 4],
        (width, height, chunks) =>
        {
            var png = new List<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
            Chunk(png, 13, "IHDR", [.. BigEndian(width), .. BigEndian(height), 8, 2, 0, 0, 0]);
            foreach (var (length, type, data) in chunks)
            {
                Chunk(png, length, type, data);
            }

            return png.ToArray();
        });

    /// <summary>A JPEG start, then segments with any marker and any length (an EXIF block among them).</summary>
    private static readonly Gen<byte[]> Jpeg = Gen.Select(Gen.Byte, Gen.UShort, Gen.Byte.Array[0, 40], Gen.Bool).Array[0, 5].Select(segments =>
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        foreach (var (marker, length, data, exif) in segments)
        {
            jpeg.AddRange([0xFF, marker, (byte)(length >> 8), (byte)length]);
            if (exif)
            {
                jpeg.AddRange("Exif\0\0II*\0"u8.ToArray());
            }

            jpeg.AddRange(data);
        }

        return jpeg.ToArray();
    });

    /// <summary>A TIFF header pointing anywhere, then a directory whose entries and offsets are anything.</summary>
    private static readonly Gen<byte[]> Tiff = Gen.Select(Gen.Bool, Fuzz.Boundary, Gen.Select(Gen.OneOf<ushort>(256, 257, 282, 283, 296, 43), Gen.UShort[0, 5], Fuzz.Boundary).Array[0, 6], Gen.Byte.Array[0, 32],
        (little, offset, entries, tail) =>
        {
            var tiff = new List<byte>(little ? "II*\0"u8.ToArray() : "MM\0*"u8.ToArray());
            tiff.AddRange(Bytes(offset, little));
            tiff.AddRange(little ? [(byte)entries.Length, 0] : [0, (byte)entries.Length]);
            foreach (var (tag, type, value) in entries)
            {
                tiff.AddRange(Bytes(tag, little));
                tiff.AddRange(Bytes(type, little));
                tiff.AddRange(Bytes(1u, little));
                tiff.AddRange(Bytes(value, little));
            }

            tiff.AddRange(tail);
            return tiff.ToArray();
        });

    [Fact]
    public void Any_png_header_gives_a_page_size_or_one_line_naming_the_file() =>
        Png.Sample(bytes => CheckImage(bytes, PageFileKind.Png, "03-Life.png"), iter: 5000, time: Fuzz.Seconds);

    [Fact]
    public void Any_jpeg_header_gives_a_page_size_or_one_line_naming_the_file() =>
        Jpeg.Sample(bytes => CheckImage(bytes, PageFileKind.Jpeg, "03-Life.jpg"), iter: 5000, time: Fuzz.Seconds);

    [Fact]
    public void Any_tiff_header_gives_a_page_size_or_one_line_naming_the_file() =>
        Tiff.Sample(bytes => CheckImage(bytes, PageFileKind.Tiff, "03-Life.tif"), iter: 5000, time: Fuzz.Seconds);

    /// <summary>PdfPig parses what the sanitiser let through; a damaged page must come back as a named refusal.</summary>
    [Fact]
    public void A_page_pdf_with_a_few_bytes_changed_gives_its_size_or_one_line_naming_the_file() =>
        Fuzz.Mutations(Broadsheet.BadInputs.Packages.GoodPage()).Sample(bytes =>
        {
            var path = Write(bytes, "03-Life.pdf");
            try
            {
                var page = PdfValidator.Validate(new PackagePage("03", "Life", path));
                if (!page.Size.IsValid)
                {
                    throw new InvalidOperationException($"a page of {page.Size.Width} x {page.Size.Height} pt was taken");
                }
            }
            catch (ImportException ex)
            {
                Fuzz.AssertOneLineNaming("03-Life.pdf: ", ex);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            }
        }, iter: 1000, time: Fuzz.Seconds);

    private void CheckImage(byte[] bytes, PageFileKind kind, string name)
    {
        var path = Write(bytes, name);
        try
        {
            var page = ImageValidator.Validate(new PackagePage("03", "Life", path), kind, MaxPixels);
            if (!page.Size.IsValid)
            {
                throw new InvalidOperationException($"a page of {page.Size.Width} x {page.Size.Height} pt was taken");
            }
        }
        catch (ImportException ex)
        {
            Fuzz.AssertOneLineNaming(name + ": ", ex);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private string Write(byte[] bytes, string name)
    {
        var folder = Path.Combine(_folder.Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Chunk(List<byte> png, uint length, string type, byte[] data)
    {
        png.AddRange(BigEndian(length));
        png.AddRange(System.Text.Encoding.ASCII.GetBytes(type));
        png.AddRange(data);
        png.AddRange(new byte[4]);
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Bytes(uint value, bool little)
    {
        var bytes = new byte[4];
        if (little)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }

        return bytes;
    }

    private static byte[] Bytes(ushort value, bool little)
    {
        var bytes = new byte[2];
        if (little)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }

        return bytes;
    }

    public void Dispose() => _folder.Dispose();
}
