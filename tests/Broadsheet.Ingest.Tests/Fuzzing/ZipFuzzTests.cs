using System.IO.Compression;
using System.Text;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Tests.Support;
using CsCheck;

namespace Broadsheet.Ingest.Tests.Fuzzing;

/// <summary>
/// A zip package, damaged anywhere: unpacking it writes only inside its folder and within the size limit, or
/// refuses in one line that names the zip; never another exception.
/// </summary>
// Fuzzing (thousands of generated inputs): the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class ZipFuzzTests : IDisposable
{
    private const long MaxBytes = 256 * 1024;
    private const int MaxEntries = 50;
    private const string Name = "2026-11-03.zip";

    private static readonly byte[] Seed = SeedZip();

    private readonly TempFolder _folder = new();

    [Fact]
    public void A_zip_with_a_few_bytes_changed_unpacks_inside_its_folder_or_is_refused_in_one_line() =>
        Fuzz.Mutations(Seed).Sample(Check, iter: 2000, time: Fuzz.Seconds);

    [Fact]
    public void Any_bytes_after_a_zip_signature_are_refused_in_one_line_or_unpack_inside_the_folder() =>
        Gen.Byte.Array[0, 400].Select(tail => (byte[])[.. "PK\x03\x04"u8, .. tail]).Sample(Check, iter: 2000, time: Fuzz.Seconds);

    private void Check(byte[] zip)
    {
        var work = Path.Combine(_folder.Root, Guid.NewGuid().ToString("N"));
        var destination = Path.Combine(work, "package");
        var beside = Path.Combine(work, "beside");
        Directory.CreateDirectory(beside);
        var path = Path.Combine(work, Name);
        File.WriteAllBytes(path, zip);
        try
        {
            ZipExtractor.Extract(path, destination, MaxBytes, MaxEntries, CancellationToken.None);
        }
        catch (ImportException ex)
        {
            Fuzz.AssertOneLineNaming(Name + ": ", ex);
        }

        try
        {
            // Whether taken or refused: nothing written beside the package folder, and no more than the limit in it.
            var outside = Directory.EnumerateFileSystemEntries(work).Where(e => e != path && e != destination && e != beside)
                .Concat(Directory.EnumerateFileSystemEntries(beside)).ToList();
            if (outside.Count > 0)
            {
                throw new InvalidOperationException("unpacking wrote outside its folder: " + string.Join(", ", outside));
            }

            var written = Directory.Exists(destination)
                ? Directory.EnumerateFiles(destination, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
                : 0;
            if (written > MaxBytes)
            {
                throw new InvalidOperationException($"unpacked {written} bytes, over the {MaxBytes} limit");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A small package: a deflated page, a stored page, a manifest and a file that is not unpacked.</summary>
    private static byte[] SeedZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "01-Front.pdf", Broadsheet.BadInputs.Packages.GoodPage(), CompressionLevel.SmallestSize);
            Add(zip, "pages/02.pdf", Broadsheet.BadInputs.Packages.GoodPage("Bridge reopens"), CompressionLevel.NoCompression);
            Add(zip, "edition.json", Encoding.UTF8.GetBytes("""{ "pages": [ { "label": "01", "file": "01-Front.pdf" } ] }"""), CompressionLevel.Fastest);
            Add(zip, "notes.txt", Encoding.UTF8.GetBytes(new string('x', 2000)), CompressionLevel.Optimal);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] data, CompressionLevel level)
    {
        using var entry = zip.CreateEntry(name, level).Open();
        entry.Write(data);
    }

    public void Dispose() => _folder.Dispose();
}
