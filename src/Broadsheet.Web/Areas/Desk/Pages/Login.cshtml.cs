using Broadsheet.Data.Accounts;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages;

internal sealed class LoginModel(SignInManager<DeskUser> signIn, DeskAudit audit) : PageModel
{
    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    public string ReturnUrl { get; private set; } = "/desk";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string userName, string password, string? returnUrl, CancellationToken cancellationToken)
    {
        UserName = userName;
        ReturnUrl = Local(returnUrl);
        var result = await signIn.PasswordSignInAsync(userName ?? "", password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(userName!, "sign-in", null, userName!, cancellationToken: cancellationToken);
            return LocalRedirect(ReturnUrl);
        }

        await audit.WriteAsync(string.IsNullOrWhiteSpace(userName) ? "?" : userName, result.IsLockedOut ? "sign-in-locked" : "sign-in-failed", null, userName ?? "", cancellationToken: cancellationToken);
        Error = result.IsLockedOut
            ? "登录失败次数过多，账号已锁定 15 分钟。"
            : "用户名或密码不对。";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    // Only the desk's own pages: a crafted link must not bounce a fresh sign-in to another site.
    private static string Local(string? url) =>
        url is not null && url.StartsWith("/desk", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/desk";
}
