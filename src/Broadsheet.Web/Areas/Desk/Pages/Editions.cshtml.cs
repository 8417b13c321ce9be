using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages;

/// <summary><c>/desk/{slug}?month=yyyy-MM</c>: a month of a paper's editions with their status, every status in one query.</summary>
internal sealed class EditionsModel(DeskAccess access, IDeskReader reader, TimeProvider clock) : PageModel
{
    public Publication Publication { get; private set; } = null!;

    public DateOnly Month { get; private set; }

    /// <summary>The month as weeks of seven cells, Monday first; null cells pad the first and last week.</summary>
    public IReadOnlyList<IReadOnlyList<DateOnly?>> Weeks { get; private set; } = [];

    public ILookup<DateOnly, EditionTally> Editions { get; private set; } = Enumerable.Empty<EditionTally>().ToLookup(e => e.Date);

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? month, CancellationToken cancellationToken)
    {
        var (verdict, publication) = await access.PublicationAsync(User, slug, cancellationToken);
        if (verdict != DeskAccess.Verdict.Allowed)
        {
            return verdict == DeskAccess.Verdict.Missing ? NotFound() : Forbid();
        }

        Publication = publication!;
        Today = Publication.Today(clock);
        if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen))
        {
            Month = chosen;
        }
        else
        {
            var latest = await reader.LatestEditionDateAsync(Publication.Id, cancellationToken);
            var day = latest ?? Today;
            Month = new DateOnly(day.Year, day.Month, 1);
        }

        var end = Month.AddMonths(1);
        var rows = await reader.EditionsAsync(Publication.Id, Month, end, cancellationToken);
        Editions = rows.ToLookup(r => r.Date);
        var lead = ((int)Month.DayOfWeek + 6) % 7;
        var cells = Enumerable.Repeat<DateOnly?>(null, lead)
            .Concat(Enumerable.Range(0, Month.AddMonths(1).AddDays(-1).Day).Select(d => (DateOnly?)Month.AddDays(d)))
            .ToList();
        while (cells.Count % 7 != 0)
        {
            cells.Add(null);
        }

        Weeks = [.. cells.Chunk(7).Select(w => (IReadOnlyList<DateOnly?>)w)];
        return Page();
    }

    public string MonthLink(int offset) =>
        $"/desk/{Publication.Slug}?month={Month.AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    public string EditionLink(EditionTally row) =>
        $"/desk/{Publication.Slug}/{row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" + (row.Number > 1 ? $"?n={row.Number}" : "");
}
