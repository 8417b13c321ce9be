using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/users</c>: the desk's accounts, a new one, and which publications each editor works on.</summary>
internal sealed class UsersModel(DeskAccounts accounts, IDbContextFactory<BroadsheetDbContext> contexts, DeskAudit audit) : PageModel
{
    public IReadOnlyList<(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Publications)> Users { get; private set; } = [];

    public IReadOnlyList<Publication> Publications { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string userName, string password, string role, string[]? publications, CancellationToken cancellationToken) =>
        await ActAsync(async () =>
        {
            await accounts.AddAsync((userName ?? "").Trim(), password ?? "", role ?? "", publications ?? [], cancellationToken);
            await audit.WriteAsync(DeskAccess.NameOf(User), "add-user", null, userName!, $"{role}: {string.Join(", ", publications ?? [])}", cancellationToken);
            return $"已新建账号“{userName}”。";
        }, cancellationToken);

    public async Task<IActionResult> OnPostPublicationsAsync(string userName, string[]? publications, CancellationToken cancellationToken) =>
        await ActAsync(async () =>
        {
            await accounts.SetPublicationsAsync(userName, publications ?? [], cancellationToken);
            await audit.WriteAsync(DeskAccess.NameOf(User), "user-publications", null, userName, string.Join(", ", publications ?? []), cancellationToken);
            return $"“{userName}”可以编辑的报纸已更新。";
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task<string>> action, CancellationToken cancellationToken)
    {
        try
        {
            TempData["Flash"] = await action();
            return Redirect(Request.Path);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await accounts.ListAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Publications = await db.Publications.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }
}
