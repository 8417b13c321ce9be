using Broadsheet.Core.Model;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>
/// The page every unknown publication, date, page or article ends on: status code pages re-execute here
/// and keep their status (404, or 400 for a malformed media key); asked for directly, it is a 404. When the
/// address names a known publication, it offers the edition nearest to the date asked for.
/// </summary>
internal sealed class NotFoundModel(PublishedEditions editions) : PageModel
{
    public Publication? Publication { get; private set; }

    /// <summary>The date the address asked for, when it had one.</summary>
    public DateOnly? Asked { get; private set; }

    /// <summary>The publication's edition nearest to <see cref="Asked"/>, or its latest.</summary>
    public EditionListing? Nearest { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (reExecute is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var segments = reExecute.OriginalPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !Publication.IsValidSlug(segments[0])
            || await editions.FindPublicationAsync(segments[0], cancellationToken) is not { } publication)
        {
            return;
        }

        Publication = publication;
        Asked = segments.Length > 1 ? AskedDate(segments) : null;
        Nearest = await editions.NearestAsync(publication.Slug, Asked, cancellationToken);
    }

    /// <summary>A date from <c>/{slug}/{yyyy-MM-dd}/…</c> (or <c>{yyyy-MM-dd}_{n}/…</c>) or the first of the month from <c>/{slug}/{yyyy}/{MM}</c>.</summary>
    private static DateOnly? AskedDate(string[] segments)
    {
        if (EditionRouteConstraint.TryParse(segments[1], out var date, out _))
        {
            return date;
        }

        return segments.Length > 2
            && int.TryParse(segments[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && int.TryParse(segments[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            && year is >= 1000 and <= 9999 && month is >= 1 and <= 12
                ? new DateOnly(year, month, 1)
                : null;
    }
}
