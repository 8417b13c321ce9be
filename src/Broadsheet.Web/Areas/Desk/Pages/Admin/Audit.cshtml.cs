using Broadsheet.Core.Model;
using Broadsheet.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/audit</c>: who did what and when, newest first, 100 at a time.</summary>
internal sealed class AuditModel(IDbContextFactory<BroadsheetDbContext> contexts) : PageModel
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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (UserFilter is not null)
        {
            query = query.Where(e => e.User == UserFilter);
        }

        if (Publication is not null)
        {
            query = query.Where(e => e.PublicationSlug == Publication);
        }

        if (before is { } id)
        {
            query = query.Where(e => e.Id < id);
        }

        // Ids grow with time, and SQLite cannot order by DateTimeOffset.
        var rows = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        Entries = [.. rows.Take(PageSize)];
        Older = rows.Count > PageSize ? Entries[^1].Id : null;
    }
}
