using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages;

/// <summary>
/// <c>/desk/reports</c>: readers' reports of wrong articles (报告问题), oldest first, for the publications this
/// user works on; "done" takes one off the queue and says so in the audit log.
/// </summary>
internal sealed class ReportsModel(IReaderFeedback feedback, DeskAccess access, DeskAudit audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(ReaderReport Report, Publication Publication)> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var publications = (await access.PublicationsAsync(User, cancellationToken)).ToDictionary(p => p.Id);
        var reports = await feedback.OpenReportsAsync(publications.Keys, 500, cancellationToken);
        Open = [.. reports.Select(r => (r, publications[r.PublicationId]))];
    }

    /// <summary>Where the reader was: "2026-11-02 第01版", with "第2期" after the date for a day's later edition.</summary>
    public static string Where(ReaderReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var edition = report.EditionNumber > 1 ? string.Create(CultureInfo.InvariantCulture, $" 第{report.EditionNumber}期") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{report.Date:yyyy-MM-dd}{edition} 第{report.PageLabel}版");
    }

    public async Task<IActionResult> OnPostResolveAsync(int id, CancellationToken cancellationToken)
    {
        var found = await feedback.FindReportAsync(id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (report, slug) = found.Value;

        if (!await access.MayWorkOnAsync(User, report.PublicationId, cancellationToken))
        {
            return Forbid();
        }

        var user = DeskAccess.NameOf(User);
        await feedback.ResolveReportAsync(id, user, clock.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(user, "resolve-report", slug, $"{Where(report)} 《{report.Headline}》", AuditText.ReportKind(report.Kind), cancellationToken);
        return RedirectToPage();
    }
}
