using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Areas.Desk.Pages;

/// <summary>
/// <c>/desk/reports</c>: readers' reports of wrong articles (报告问题), oldest first, for the publications this
/// user works on; "done" takes one off the queue and says so in the audit log.
/// </summary>
internal sealed class ReportsModel(IDbContextFactory<BroadsheetDbContext> contexts, DeskAccess access, DeskAudit audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(ReaderReport Report, Publication Publication)> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var publications = (await access.PublicationsAsync(User, cancellationToken)).ToDictionary(p => p.Id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = publications.Keys.ToList();
        var reports = await db.ReaderReports.AsNoTracking()
            .Where(r => r.ResolvedAt == null && ids.Contains(r.PublicationId))
            .OrderBy(r => r.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        Open = [.. reports.Select(r => (r, publications[r.PublicationId]))];
    }

    public async Task<IActionResult> OnPostResolveAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.ReaderReports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await access.MayWorkOnAsync(User, report.PublicationId, cancellationToken))
        {
            return Forbid();
        }

        var user = DeskAccess.NameOf(User);
        report.Resolve(user, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var slug = await db.Publications.Where(p => p.Id == report.PublicationId).Select(p => p.Slug).SingleAsync(cancellationToken);
        await audit.WriteAsync(user, "resolve-report", slug, $"{report.Date:yyyy-MM-dd} {report.PageLabel} 《{report.Headline}》", report.Kind.ToString(), cancellationToken);
        return RedirectToPage();
    }
}
