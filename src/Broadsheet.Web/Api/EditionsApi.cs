using System.Globalization;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Web.Api;

/// <summary><c>/api/v1/publications/{slug}/editions</c>: published editions and their pages and articles.</summary>
internal static class EditionsApi
{
    public static IEndpointRouteBuilder MapEditionsApi(this IEndpointRouteBuilder app)
    {
        var editions = app.MapGroup("/api/v1/publications/{slug}").WithTags("Editions").WithConditionalGet();
        editions.MapMethods("/editions", [HttpMethods.Get, HttpMethods.Head], ListAsync).WithName("ListEditions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        editions.MapMethods("/editions/{date}", [HttpMethods.Get, HttpMethods.Head], GetAsync).WithName("GetEdition")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        editions.MapPageText();
        return app;
    }

    public static string Url(string slug, DateOnly date, int number) =>
        number == 1
            ? $"/api/v1/publications/{slug}/editions/{ReaderUrls.Date(date)}"
            : string.Create(CultureInfo.InvariantCulture, $"/api/v1/publications/{slug}/editions/{ReaderUrls.Date(date)}?number={number}");

    private static async Task<Results<Ok<EditionListDto>, ProblemHttpResult>> ListAsync(
        string slug, PublishedEditions editions, CancellationToken cancellationToken)
    {
        var publication = await editions.FindPublicationAsync(slug, cancellationToken);
        if (publication is null)
        {
            return NotFound($"There is no publication '{slug}'.");
        }

        var list = await editions.ListAsync(slug, cancellationToken);
        return TypedResults.Ok(new EditionListDto(
            publication.ToDto(),
            [.. list.Select(e => new EditionSummaryDto(e.Date, e.Number, e.IssueNumber, Url(slug, e.Date, e.Number)))]));
    }

    private static async Task<Results<Ok<EditionDto>, ProblemHttpResult>> GetAsync(
        string slug, string date, [FromQuery(Name = "number")] string? numberText, PublishedEditions editions, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return NotFound($"'{date}' is not a date of the form yyyy-MM-dd.");
        }

        // Parsed here rather than bound as an int, so a bad value gets a problem naming it in every environment
        // (the framework's own binding failure is an exception in Development and an empty 400 elsewhere).
        int? number = null;
        if (numberText is not null)
        {
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return TypedResults.Problem($"'{numberText}' is not an edition number: ?number= takes 1, 2, … (the day's first edition is 1).",
                    statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
            }

            number = n;
        }

        var edition = await editions.FindAsync(slug, day, number, cancellationToken);
        return edition is null
            ? NotFound($"There is no published edition of '{slug}' on {ReaderUrls.Date(day)}.")
            : TypedResults.Ok(edition.ToDto());
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
