using Broadsheet.Core.Model;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>
/// <c>/{publication}/{date}/{page}/{n}/report</c>: the form to report a problem with an article (also in the
/// article view), and where it posts. Reader pages carry no cookies, so there is no anti-forgery token; a post
/// from another site is refused by its Origin, and the limits in <see cref="ReaderReports"/> hold the rest.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class ReportViewModel(PublishedEditions editions, ReaderReports reports) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public ArticleOnPage Item { get; private set; } = null!;

    /// <summary>Whether the report was taken.</summary>
    public bool Sent { get; private set; }

    /// <summary>Why it was not, in the reader's words; null when it was or nothing was sent.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publication, string date, string label, int n, CancellationToken cancellationToken)
    {
        if (!await FindAsync(publication, date, label, n, cancellationToken))
        {
            return NotFound();
        }

        // A form for one article: no use to a cache, and not worth a search engine's time.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string publication, string date, string label, int n, string? kind, string? note, string? website, CancellationToken cancellationToken)
    {
        // The reader's status pages would re-run a refused post as a post to the not-found page.
        HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        if (!await FindAsync(publication, date, label, n, cancellationToken))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        if (!IsSameOrigin(Request))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        // A filled trap field is a robot: thank it, keep nothing.
        if (!string.IsNullOrEmpty(website))
        {
            Sent = true;
            return Page();
        }

        if (!Enum.GetNames<ReportKind>().Contains(kind, StringComparer.Ordinal) || !Enum.TryParse<ReportKind>(kind, out var what))
        {
            Problem = "kind";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (note?.Trim().Length > ReaderReport.MaxNoteLength)
        {
            Problem = "note";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!reports.TryTake(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            Problem = "limit";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "600";
            return Page();
        }

        await reports.AddAsync(Item, what, note, cancellationToken);
        Sent = true;
        return Page();
    }

    private async Task<bool> FindAsync(string publication, string date, string label, int n, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition
            || edition.FindPage(label)?.Article(n) is not { } item)
        {
            return false;
        }

        Edition = edition;
        Item = item;
        return true;
    }

    /// <summary>A browser says where a form came from (Sec-Fetch-Site, Origin); a post that says nothing is taken.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        if (request.Headers.TryGetValue("Sec-Fetch-Site", out var site) && site.ToString() is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
