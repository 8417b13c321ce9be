using Broadsheet.Core.Model;
using Broadsheet.Web.Desk;
using Broadsheet.Web.Desk.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Areas.Desk.Pages;

/// <summary>
/// The upload form. A script sends it to <c>POST /desk/api/{slug}/imports</c> and shows the bytes going up;
/// without one, the browser posts it here and lands on the job page all the same.
/// </summary>
internal sealed class UploadModel(DeskAccess access, ImportUploads uploads, IOptions<DeskUploadOptions> options) : PageModel
{
    public Publication Publication { get; private set; } = null!;

    public DeskUploadOptions Limits => options.Value;

    public string? Error { get; private set; }

    public string? Date { get; private set; }

    public bool Replace { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await FindAsync(slug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var (job, refusal) = await uploads.StartAsync(User, Publication, form, cancellationToken);
        if (job is not null)
        {
            return Redirect(ImportUploads.JobPage(job.Id));
        }

        Error = refusal!.Message;
        Date = form["date"];
        Replace = form["replace"].Count > 0;
        Response.StatusCode = refusal.Status;
        return Page();
    }

    private async Task<IActionResult?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var (verdict, publication) = await access.PublicationAsync(User, slug, cancellationToken);
        if (verdict == DeskAccess.Verdict.Missing)
        {
            return NotFound();
        }

        if (verdict == DeskAccess.Verdict.Refused)
        {
            return Forbid();
        }

        Publication = publication!;
        return null;
    }
}
