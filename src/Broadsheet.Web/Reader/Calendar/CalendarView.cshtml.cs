using Broadsheet.Core.Model;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary><c>/{publication}/{yyyy}/{MM}</c>: the month's calendar, every date with an edition a link to it.</summary>
internal sealed class CalendarViewModel(PublishedEditions editions) : PageModel
{
    public Publication Publication { get; private set; } = null!;

    public MonthCalendar Month { get; private set; } = null!;

    /// <summary>The newest edition of the publication, for the masthead's links.</summary>
    public EditionListing? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publication, int year, int month, CancellationToken cancellationToken)
    {
        if (await editions.FindPublicationAsync(publication, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Publication = found;
        Month = new MonthCalendar(await editions.MonthAsync(publication, year, month, cancellationToken));
        // Years outside the publication's editions have nothing to show, and year 9999 has no month after December:
        // made-up years must not render (or be cached) at all.
        if (Month.First is not { } first || Month.Last is not { } last || year < first.Year || year > last.Year)
        {
            return NotFound();
        }

        ReaderCaching.TagPublication(HttpContext, publication);
        Latest = await editions.LatestAsync(publication, null, cancellationToken);
        return Page();
    }
}
