using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary><c>/</c>: sends the reader to the first page of the newest published edition.</summary>
internal sealed class IndexModel(PublishedEditions editions) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var latest = await editions.LatestAsync(slug: null, date: null, cancellationToken);
        return latest?.FirstPageLabel is null
            ? Page()
            : Redirect(latest.Url);
    }
}
