using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/audit</c>: who did what and when, newest first, 100 at a time.</summary>
internal sealed class AuditModel(IAuditLog log) : PageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public string? UserFilter { get; private set; }

    public string? Publication { get; private set; }

    /// <summary>The id to continue from for the next (older) page, when there is one.</summary>
    public long? Older { get; private set; }

    public async Task OnGetAsync(string? user, string? publication, long? before, CancellationToken cancellationToken)
    {
        UserFilter = string.IsNullOrWhiteSpace(user) ? null : user.Trim();
        Publication = string.IsNullOrWhiteSpace(publication) ? null : publication.Trim();
        var rows = await log.ReadAsync(new AuditQuery(UserFilter, Publication, before), PageSize + 1, cancellationToken);
        Entries = [.. rows.Take(PageSize)];
        Older = rows.Count > PageSize ? Entries[^1].Id : null;
    }
}
