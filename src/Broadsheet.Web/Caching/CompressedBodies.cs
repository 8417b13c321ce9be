using System.IO.Compression;
using Microsoft.AspNetCore.Http.Headers;

namespace Broadsheet.Web.Caching;

/// <summary>
/// A cached page's body compressed once, when it is cached, so that each reader's browser gets the smallest form
/// it accepts without the server compressing on every request: a page view's HTML shrinks to about a fifth,
/// which a phone on a slow network notices.
/// </summary>
internal sealed record CompressedBodies(byte[] Brotli, byte[] Gzip)
{
    // A middling Brotli quality: the first reader of a page waits while it compresses.
    private const int BrotliQuality = 6;
    private const int BrotliWindow = 22;

    // Below this, headers outweigh what compression saves.
    private const int SmallestWorthCompressing = 1024;

    public long Length => Brotli.Length + Gzip.Length;

    /// <summary>Compresses a text body; returns null for small bodies and for types that are compressed already.</summary>
    public static CompressedBodies? For(byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length < SmallestWorthCompressing || !IsText(contentType))
        {
            return null;
        }

        var brotli = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        if (!BrotliEncoder.TryCompress(body, brotli, out var written, BrotliQuality, BrotliWindow))
        {
            return null;
        }

        using var gzip = new MemoryStream();
        using (var stream = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true))
        {
            stream.Write(body);
        }

        return new CompressedBodies(brotli[..written], gzip.ToArray());
    }

    /// <summary>
    /// The content coding to send for the request's <c>Accept-Encoding</c>: <c>br</c>, <c>gzip</c>, or null for the
    /// body as it is. A coding the client weighs at <c>q=0</c> is refused, as RFC 9110 says.
    /// </summary>
    public static string? Negotiate(RequestHeaders request)
    {
        ArgumentNullException.ThrowIfNull(request);
        double? brotli = null, gzip = null, any = null;
        foreach (var coding in request.AcceptEncoding)
        {
            var quality = coding.Quality ?? 1;
            switch (coding.Value.Value?.ToLowerInvariant())
            {
                case "br":
                    brotli = quality;
                    break;
                case "gzip":
                    gzip = quality;
                    break;
                case "*":
                    any = quality;
                    break;
            }
        }

        var br = brotli ?? any ?? 0;
        var gz = gzip ?? any ?? 0;
        return br > 0 && br >= gz ? "br" : gz > 0 ? "gzip" : null;
    }

    private static bool IsText(string contentType) =>
        contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
}
