using Broadsheet.Web.Desk;
using Broadsheet.Web.Desk.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages.Imports;

/// <summary>One import's progress, page by page and stage by stage; a script keeps it current, and without one the page reloads itself.</summary>
internal sealed class JobModel(DeskAccess access, ImportJobs jobs) : PageModel
{
    public ImportJobState State { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        var (verdict, _) = await access.PublicationAsync(User, job.Publication, cancellationToken);
        if (verdict != DeskAccess.Verdict.Allowed)
        {
            return verdict == DeskAccess.Verdict.Missing ? NotFound() : Forbid();
        }

        State = job;
        return Page();
    }
}
