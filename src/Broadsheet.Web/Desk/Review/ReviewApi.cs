using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Desk.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

// In the desk's namespace so MapDesk calls it without a using of its own.
namespace Broadsheet.Web.Desk;

/// <summary>The hotspot editor's endpoint: an article's regions on the pages it names, replaced as drawn.</summary>
internal static class ReviewApi
{
    /// <summary>More than any printed article needs, few enough that a request cannot bloat the database.</summary>
    private const int MaxPolygonsPerPage = 40;

    private const int MaxPointsPerPolygon = 400;

    internal static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder api)
    {
        // A script reads the status and the problem JSON; the reader's HTML error pages must not replace them
        // (re-executed as a PUT, they would also fail antiforgery and turn a 401 into a 400).
        api.MapPut("/articles/{id:int}/regions", PutRegionsAsync);
        return api;
    }

    private static async Task<Results<Ok<RegionsBody>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem, Conflict<ProblemDetails>>> PutRegionsAsync(
        int id,
        RegionsBody body,
        HttpContext http,
        DeskAccess access,
        DeskEditions editions,
        IDeskReader reader,
        CancellationToken cancellationToken)
    {
        var owner = await reader.OwnerOfArticleAsync(id, cancellationToken);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }

        if (!await access.MayWorkOnAsync(http.User, owner.PublicationId, cancellationToken))
        {
            return TypedResults.Forbid();
        }

        if (body?.Pages is not { Count: > 0 } pages)
        {
            return Invalid("pages", "Send the polygons of at least one page.");
        }

        await using var work = await editions.OpenAsync(owner.EditionId, cancellationToken);
        var article = work?.Article(id);
        if (work is null || article is null)
        {
            return TypedResults.NotFound();
        }

        var replacements = new List<(Page Page, List<Polygon> Polygons)>();
        foreach (var entry in pages)
        {
            var page = work.Edition.FindPage(entry.Page ?? "");
            if (page is null)
            {
                return Invalid("pages", $"The edition has no page '{entry.Page}'.");
            }

            if (replacements.Exists(r => ReferenceEquals(r.Page, page)))
            {
                return Invalid("pages", $"Page {page.Label} is named twice.");
            }

            // The editor drew over the regions as they were when the page was opened; redrawing over someone
            // else's later save would silently undo it.
            if (entry.Version is not null && !string.Equals(entry.Version, PageRegions.VersionOf(article, page), StringComparison.Ordinal))
            {
                return TypedResults.Conflict(new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "The regions changed since this page was opened.",
                    Detail = $"打开这一版之后，有人改过这篇文章在第{page.Label}版上的区域。请重新打开本页，看过现在的区域再改。",
                });
            }

            var polygons = entry.Polygons ?? [];
            if (polygons.Count > MaxPolygonsPerPage || polygons.Exists(p => p is null || p.Count > MaxPointsPerPolygon))
            {
                return Invalid("polygons", $"At most {MaxPolygonsPerPage} regions of at most {MaxPointsPerPolygon} points each on a page.");
            }

            try
            {
                replacements.Add((page, [.. polygons.Select(ToPolygon)]));
            }
            catch (DomainException e)
            {
                return Invalid("polygons", e.Message);
            }
        }

        var by = DeskAccess.NameOf(http.User);
        var labels = string.Join(", ", replacements.Select(r => r.Page.Label));
        work.Revise(article, by, $"改了第{labels}版上的区域", () =>
        {
            foreach (var (page, polygons) in replacements)
            {
                article.ReplaceRegions(page, polygons);
            }
        });
        work.Audit(by, "edit-regions", $"{work.Subject} 《{article.Headline}》", $"第{labels}版");
        await work.SaveAsync(cancellationToken);
        return TypedResults.Ok(RegionsBody.Of(article, replacements.Select(r => r.Page)));
    }

    private static Polygon ToPolygon(List<double[]> points)
    {
        if (points.Exists(p => p is null || p.Length != 2))
        {
            throw new DomainException("Each point is a pair [x, y].");
        }

        return new Polygon(points.Select(p => new NormalisedPoint(Math.Clamp(p[0], 0, 1), Math.Clamp(p[1], 0, 1))));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>An article's regions, page by page: each polygon a list of [x, y] points normalised to 0..1.</summary>
internal sealed record RegionsBody(List<PageRegions>? Pages)
{
    public static RegionsBody Of(Article article, IEnumerable<Page> pages) =>
        new([.. pages.Select(page => new PageRegions(page.Label, [.. Polygons(article, page)], PageRegions.VersionOf(article, page)))]);

    private static IEnumerable<List<double[]>> Polygons(Article article, Page page) =>
        article.Regions.Where(r => ArticleHomes.IsOn(r, page)).Select(r => r.Polygon.Points.Select(p => new[] { p.X, p.Y }).ToList());
}

/// <summary>
/// The regions of an article on one page, by the page's label. <paramref name="Version"/> is what the client last
/// saw (<see cref="VersionOf"/>): sent with a change, a different current version refuses it; null skips the check.
/// </summary>
internal sealed record PageRegions(string? Page, List<List<double[]>>? Polygons, string? Version = null)
{
    /// <summary>A short hash of the article's regions on <paramref name="page"/> as stored.</summary>
    public static string VersionOf(Article article, Page page)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = string.Join('|', article.Regions.Where(r => ArticleHomes.IsOn(r, page))
            .Select(r => string.Join(' ', r.Polygon.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:R},{p.Y:R}")))));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
