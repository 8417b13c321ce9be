using System.Globalization;
using Broadsheet.Web.Api;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Broadsheet.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.OpenData.Bulk;

/// <summary>
/// Bulk data under the API: an edition's text as JSON (<c>…/editions/{date}/text</c>) and as ALTO 4
/// (<c>…/editions/{date}/alto</c>), and a publication's year as one zip (<c>…/years/{yyyy}.zip</c>) streamed
/// edition by edition with the paper's licence. Published editions only, as everywhere in the API.
/// </summary>
internal static class BulkEndpoints
{
    public const string AltoType = "application/alto+xml";

    public static IEndpointRouteBuilder MapBulkData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/publications/{slug}").WithTags("Bulk data");
        group.MapMethods("/editions/{date}/text", [HttpMethods.Get, HttpMethods.Head], TextAsync).WithName("GetEditionText")
            .WithConditionalGet()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapMethods("/editions/{date}/alto", [HttpMethods.Get, HttpMethods.Head], AltoAsync).WithName("GetEditionAlto")
            .Produces<string>(StatusCodes.Status200OK, AltoType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapMethods("/years/{year}.zip", [HttpMethods.Get, HttpMethods.Head], YearAsync).WithName("GetYearArchive")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<EditionTextDto>, ProblemHttpResult>> TextAsync(
        string slug, string date, [FromQuery(Name = "number")] string? number, PublishedEditions editions, CancellationToken cancellationToken)
    {
        var (view, problem) = await FindAsync(slug, date, number, editions, cancellationToken);
        return view is null ? problem! : TypedResults.Ok(EditionText.Of(view));
    }

    private static async Task<IResult> AltoAsync(
        string slug, string date, [FromQuery(Name = "number")] string? number, HttpContext context, PublishedEditions editions,
        PageHitMarker lines, IOptions<ReaderCacheOptions> cache, CancellationToken cancellationToken)
    {
        var (view, problem) = await FindAsync(slug, date, number, editions, cancellationToken);
        if (view is null)
        {
            return problem!;
        }

        var body = await AltoDocument.WriteAsync(view, page => lines.LinesAsync(page, cancellationToken));
        var etag = EntityTags.Of(body);
        context.Response.GetTypedHeaders().ETag = etag;
        var seconds = cache.Value.ClientSeconds;
        context.Response.Headers.CacheControl = seconds > 0 ? "public, max-age=" + seconds.ToString(CultureInfo.InvariantCulture) : "no-cache";
        if (EntityTags.AlreadyHas(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(body, AltoType + "; charset=utf-8");
    }

    private static async Task<IResult> YearAsync(
        string slug, [FromRoute(Name = "year")] string yearText, HttpContext context, PublishedEditions editions, PageHitMarker lines,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        // Read as text so that a bad year is a problem naming it, as a bad date is.
        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return TypedResults.Problem($"'{yearText}' is not a year of the form yyyy.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var paper = await editions.FindPublicationAsync(slug, context.RequestAborted);
        var ofYear = paper is null ? [] : (await editions.ListAsync(slug, context.RequestAborted)).Where(e => e.Date.Year == year).ToList();
        if (paper is null || ofYear.Count == 0)
        {
            return TypedResults.Problem($"'{slug}' has no published edition in {year.ToString(CultureInfo.InvariantCulture)}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{slug}-{year}");
        // The zip is made as it is sent, so its tag cannot be a hash of it; it is one of everything it is made from.
        var etag = YearArchive.Tag(paper, ofYear, await editions.StampsAsync(context.RequestAborted));
        context.Response.GetTypedHeaders().ETag = etag;
        context.Response.Headers.CacheControl = "no-cache";
        if (EntityTags.AlreadyHas(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return TypedResults.Stream(_ => Task.CompletedTask, "application/zip", name + ".zip");
        }

        var archive = new YearArchive(editions, lines, json.Value.SerializerOptions);
        return TypedResults.Stream(stream => archive.WriteAsync(stream, paper, name, ofYear, Hosting.FinishedReads.ClientGone(context)), "application/zip", name + ".zip");
    }

    private static async Task<(EditionView? View, ProblemHttpResult? Problem)> FindAsync(
        string slug, string date, string? numberText, PublishedEditions editions, CancellationToken cancellationToken)
    {
        if (!Reader.IsoDateRouteConstraint.TryParse(date, out var day))
        {
            return (null, Problem(StatusCodes.Status404NotFound, $"'{date}' is not a date of the form yyyy-MM-dd."));
        }

        int? number = null;
        if (numberText is not null)
        {
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return (null, Problem(StatusCodes.Status400BadRequest, $"'{numberText}' is not an edition number: ?number= takes 1, 2, … (the day's first edition is 1)."));
            }

            number = n;
        }

        var view = await editions.FindAsync(slug, day, number, cancellationToken);
        return view is null || (number is { } asked && view.Edition.Number != asked)
            ? (null, Problem(StatusCodes.Status404NotFound, $"There is no published edition of '{slug}' on {ReaderUrls.Date(day)}."))
            : (view, null);
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: status == StatusCodes.Status400BadRequest ? "Bad request" : "Not found");
}
