using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Broadsheet.Web.Hosting;

/// <summary>
/// Compresses the answers the reader page cache does not keep: the search results page and the JSON API. A
/// results page with its facets is some 26 KB of HTML for a common word in a year of a daily, which a phone on a
/// slow network waits for; Brotli makes it 2.5 KB (measured with curl on the bench archive). Cached reader
/// pages are compressed once when they are cached (<see cref="Caching.CompressedBodies"/>); media are images and
/// PDFs, compressed already; desk pages carry anti-forgery tokens beside what an editor typed, which is what
/// compression must not mix (BREACH), and go to a handful of staff. The results page and the API carry
/// nothing secret: they are the same for every reader, and reader forms are GET forms without tokens.
/// The reader's scripts and style sheet go out compressed too (about 70 KB of text, 20 KB with Brotli): a
/// browser asks for them once a version, since their URLs carry it and may be cached for good.
/// </summary>
internal static class DynamicCompression
{
    public static IServiceCollection AddDynamicCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "application/json", "application/problem+json", "text/css", "text/javascript", "application/javascript", "application/manifest+json"];
        });

        // Brotli's fastest level made the API's JSON twice the size gzip's did (2,866 against 1,352 bytes for
        // 14,766); its default level is still well under a millisecond for a results page.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>Goes before the page cache, so that the cache sees (and could keep) only uncompressed bodies.</summary>
    public static WebApplication UseDynamicCompression(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                || context.Request.Path.StartsWithSegments("/css", StringComparison.Ordinal)
                || context.Request.Path.StartsWithSegments("/js", StringComparison.Ordinal)
                || context.Request.Path.StartsWithSegments("/lib", StringComparison.Ordinal)
                || context.Request.Path.Equals("/sw.js", StringComparison.Ordinal)
                || context.Request.Path.Equals("/manifest.webmanifest", StringComparison.Ordinal),
            branch => branch.UseResponseCompression());
        return app;
    }
}
