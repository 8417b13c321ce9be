using Broadsheet.Data.Accounts;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Broadsheet.Web.Areas.Desk.Pages;

internal sealed class LoginModel(SignInManager<DeskUser> signIn, SignInThrottle throttle, DeskAudit audit) : PageModel
{
    /// <summary>
    /// One answer for every failure: a wrong password, an unknown name, a throttled client and a locked account
    /// read the same, so a failed sign-in never tells whether the account exists.
    /// </summary>
    public const string Refusal = "用户名或密码不对。同一台电脑连续输错 5 次后，要等 15 分钟才能再试。";

    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    public string ReturnUrl { get; private set; } = "/desk";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string userName, string password, string? returnUrl, CancellationToken cancellationToken)
    {
        UserName = userName;
        ReturnUrl = Local(returnUrl);
        var name = userName?.Trim() ?? "";
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var throttled = throttle.IsBlocked(client, name);
        var result = throttled ? SignInResult.LockedOut : await PasswordSignInAsync(name, password ?? "");
        if (result.Succeeded)
        {
            throttle.Succeeded(client, name);
            await audit.WriteAsync(name, "sign-in", null, name, cancellationToken: cancellationToken);
            return LocalRedirect(ReturnUrl);
        }

        if (!throttled)
        {
            throttle.Failed(client, name);
        }

        await audit.WriteAsync(name.Length == 0 ? "?" : name, result.IsLockedOut ? "sign-in-locked" : "sign-in-failed", null, name, cancellationToken: cancellationToken);
        Error = Refusal;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    // Only the desk's own pages: a crafted link must not bounce a fresh sign-in to another site.
    /// <summary>
    /// Signs in by name; an unknown name still costs a password hash, so the time taken does not tell either.
    /// </summary>
    private async Task<SignInResult> PasswordSignInAsync(string name, string password)
    {
        if (await signIn.UserManager.FindByNameAsync(name) is { } user)
        {
            return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        }

        signIn.UserManager.PasswordHasher.VerifyHashedPassword(new DeskUser(), UnknownUserHash, password);
        return SignInResult.Failed;
    }

    /// <summary>A hash of a password nobody has, to check unknown names against.</summary>
    private static readonly string UnknownUserHash = new PasswordHasher<DeskUser>().HashPassword(new DeskUser(), Guid.NewGuid().ToString("N"));

    // No control characters or backslashes either: a line break in a Location header fails the response.
    private static string Local(string? url) =>
        url is not null && url.StartsWith("/desk", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || c == '\\') ? url : "/desk";
}
