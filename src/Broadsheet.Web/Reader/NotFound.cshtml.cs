using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>
/// The page every unknown publication, date, page or article ends on: status code pages re-execute here
/// and keep their status (404, or 400 for a malformed media key); asked for directly, it is a 404.
/// </summary>
internal sealed class NotFoundModel : PageModel
{
    public void OnGet()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
