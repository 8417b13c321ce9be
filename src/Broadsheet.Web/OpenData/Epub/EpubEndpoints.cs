using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader;

namespace Broadsheet.Web.OpenData.Epub;

/// <summary><c>/{publication}/{yyyy-MM-dd}/edition.epub</c>: the published edition as an EPUB, beside its PDF.</summary>
internal static class EpubEndpoints
{
    public static IEndpointRouteBuilder MapEditionEpub(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{publication:slug}/{date:edition}/edition.epub", [HttpMethods.Get, HttpMethods.Head], DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DownloadAsync(string publication, string date, PublishedEditions editions, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition)
        {
            return TypedResults.NotFound();
        }

        var bytes = await EditionEpub.WriteAsync(edition, blobs, cancellationToken);
        return TypedResults.File(bytes, EditionEpub.MediaType, EditionEpub.FileName(edition));
    }
}
