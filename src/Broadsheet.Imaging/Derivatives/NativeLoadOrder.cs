using System.IO.Compression;

namespace Broadsheet.Imaging.Derivatives;

/// <summary>
/// Loads .NET's own Brotli (System.IO.Compression.Native) before libvips is loaded into the process. With libvips
/// (and Debian's libbrotlicommon it brings) loaded first, the first Brotli compression afterwards — the reader's page
/// cache compressing a page, in a server that had imported an edition in-process — crashed the process natively
/// (seen in the browser tests' host, in CompressedBodies.For). Loaded first, both coexist. NetVips starts libvips
/// as soon as its assembly loads (a module initializer), that is when the first method that names one of its types is
/// compiled; so this runs where the services are registered, before any such method.
/// </summary>
internal static class NativeLoadOrder
{
    private static int _done;

    public static void BrotliBeforeVips()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            // As the page cache compresses (quality 6, window 22), so that the encoder's tables are set up too.
            var sample = new byte[2048];
            BrotliEncoder.TryCompress(sample, new byte[BrotliEncoder.GetMaxCompressedLength(sample.Length)], out _, quality: 6, window: 22);
        }
    }
}
