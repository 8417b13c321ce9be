using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>One page of an edition: its image with a hotspot per article, the article titles and the page list.</summary>
internal sealed class PageViewModel(PublishedEditions editions) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public PageView Current { get; private set; } = null!;

    public MonthCalendar Calendar { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string publication, string date, string label, CancellationToken cancellationToken)
    {
        if (!IsoDateRouteConstraint.TryParse(date, out var day)
            || await editions.FindAsync(publication, day, number: null, cancellationToken) is not { } edition
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
        Calendar = new MonthCalendar(await editions.MonthAsync(publication, day.Year, day.Month, cancellationToken));
        return Page();
    }
}
