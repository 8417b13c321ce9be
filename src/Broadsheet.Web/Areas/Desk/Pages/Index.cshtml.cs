using Broadsheet.Core.Model;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages;

internal sealed class IndexModel(DeskAccess access) : PageModel
{
    public IReadOnlyList<Publication> Publications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Publications = await access.PublicationsAsync(User, cancellationToken);
}
