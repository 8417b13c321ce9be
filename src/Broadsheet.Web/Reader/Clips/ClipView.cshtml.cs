using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>剪报: a rectangle of a page, with its image to save and a citation to copy (<c>/{publication}/{date}/{page}/clip/{rect}</c>).</summary>
internal sealed class ClipViewModel(PublishedEditions editions) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public PageView Current { get; private set; } = null!;

    public ClipRect Rect { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publication, string date, string label, string rect, CancellationToken cancellationToken)
    {
        if (!ClipRect.TryParse(rect, out var clip)
            || !EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition
            || edition.FindPage(label) is not { } page)
        {
            return NotFound();
        }

        if (ReaderCaching.IsNotModified(HttpContext, publication, edition.Stamp))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Edition = edition;
        Current = page;
        Rect = clip;
        return Page();
    }
}
