using Broadsheet.Data.Accounts;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages;

internal sealed class LogoutModel(SignInManager<DeskUser> signIn, DeskAudit audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/desk");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = DeskAccess.NameOf(User);
        await signIn.SignOutAsync();
        await audit.WriteAsync(name, "sign-out", null, name, cancellationToken: cancellationToken);
        return Redirect("/desk/login");
    }
}
