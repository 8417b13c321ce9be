using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/users</c>: the desk's accounts, a new one, and which publications each editor works on.</summary>
internal sealed class UsersModel(DeskAccounts accounts, IPublicationSettings settings, DeskAudit audit) : PageModel
{
    public IReadOnlyList<(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Publications)> Users { get; private set; } = [];

    public IReadOnlyList<Publication> Publications { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string userName, string password, string role, string[]? publications, CancellationToken cancellationToken) =>
        await ActAsync(async () =>
        {
            var entry = audit.Entry(DeskAccess.NameOf(User), "add-user", null, userName ?? "", $"{AuditText.Role(role)}：{string.Join("、", publications ?? [])}");
            await accounts.AddAsync((userName ?? "").Trim(), password ?? "", role ?? "", publications ?? [], cancellationToken, entry);
            return $"已新建账号“{userName}”。";
        }, cancellationToken);

    public async Task<IActionResult> OnPostPublicationsAsync(string userName, string[]? publications, CancellationToken cancellationToken) =>
        await ActAsync(async () =>
        {
            var entry = audit.Entry(DeskAccess.NameOf(User), "user-publications", null, userName, string.Join("、", publications ?? []));
            await accounts.SetPublicationsAsync(userName, publications ?? [], cancellationToken, entry);
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
        Publications = await settings.AllAsync(cancellationToken);
    }
}
