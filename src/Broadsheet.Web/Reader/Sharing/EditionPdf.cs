using System.Security.Cryptography;
using System.Text;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Web.Reader;

/// <summary>
/// <c>/{publication}/{date}/edition.pdf</c>: every page's PDF merged into one, in page order. Made once and
/// stored as a blob keyed by the pages' PDFs, then redirected to its immutable <c>/media</c> URL.
/// </summary>
internal static class EditionPdf
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static string Url(EditionView edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.Url + "/edition.pdf";
    }

    public static IEndpointRouteBuilder MapEditionPdf(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{publication:slug}/{date:edition}/edition.pdf", [HttpMethods.Get, HttpMethods.Head], DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> DownloadAsync(
        string publication, string date, PublishedEditions editions, IBlobStore blobs, IPdfMerger merger, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition)
        {
            return TypedResults.NotFound();
        }

        var keys = edition.Pages.Select(p => p.Page.PdfKey).OfType<string>().ToList();
        if (keys.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", keys))));
        var key = $"editions/{hash[..2]}/{hash}.pdf";
        if (!await blobs.ExistsAsync(key, cancellationToken))
        {
            // Merging reads every page; two readers asking at once should not make it twice.
            await OneAtATime.WaitAsync(cancellationToken);
            try
            {
                if (!await blobs.ExistsAsync(key, cancellationToken))
                {
                    await MergeAsync(keys, key, blobs, merger, cancellationToken);
                }
            }
            finally
            {
                OneAtATime.Release();
            }
        }

        return TypedResults.Redirect(ReaderUrls.Media(key)!);
    }

    private static async Task MergeAsync(IReadOnlyList<string> keys, string key, IBlobStore blobs, IPdfMerger merger, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("broadsheet-edition-pdf-");
        try
        {
            var inputs = new List<string>();
            foreach (var (pageKey, index) in keys.Select((k, i) => (k, i)))
            {
                var path = blobs.TryGetLocalPath(pageKey);
                if (path is null || !File.Exists(path))
                {
                    path = Path.Combine(work.FullName, $"{index:000}.pdf");
                    await using var source = await blobs.OpenReadAsync(pageKey, cancellationToken)
                        ?? throw new InvalidOperationException($"The page PDF {pageKey} is missing from the blob store.");
                    await using var file = File.Create(path);
                    await source.CopyToAsync(file, cancellationToken);
                }

                inputs.Add(path);
            }

            var output = Path.Combine(work.FullName, "edition.pdf");
            await merger.MergeAsync(inputs, output, cancellationToken);
            await using var merged = File.OpenRead(output);
            await blobs.PutAsync(key, merged, cancellationToken);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
