using System.IO.Compression;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>Undoes the <c>Content-Encoding</c> a response was sent in.</summary>
internal static class ContentCoding
{
    /// <param name="body">The body as received.</param>
    /// <param name="coding"><c>br</c> or <c>gzip</c>.</param>
    public static byte[] Decode(byte[] body, string coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
