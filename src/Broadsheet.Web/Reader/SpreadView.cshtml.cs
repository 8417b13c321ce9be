using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>通版: two facing pages side by side, as printed (<c>/{publication}/{date}/02-03</c>).</summary>
internal sealed class SpreadViewModel(PublishedEditions editions) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public Spread Spread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string publication, string date, string spread, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition
            || edition.FindSpread(spread) is not { } found)
        {
            return NotFound();
        }

        if (ReaderCaching.IsNotModified(HttpContext, publication, edition.Stamp))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Edition = edition;
        Spread = found;
        return Page();
    }
}
