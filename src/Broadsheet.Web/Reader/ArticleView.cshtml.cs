using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>An article as text: the <c>n</c>th article (in reading order) among those printed on a page.</summary>
internal sealed class ArticleViewModel(PublishedEditions editions) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public PageView Current { get; private set; } = null!;

    public ArticleOnPage Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string publication, string date, string label, int n, CancellationToken cancellationToken)
    {
        if (!IsoDateRouteConstraint.TryParse(date, out var day)
            || await editions.FindAsync(publication, day, number: null, cancellationToken) is not { } edition
            || edition.FindPage(label) is not { } page
            || page.Article(n) is not { } item)
        {
            return NotFound();
        }

        if (ReaderCaching.IsNotModified(HttpContext, publication, edition.Stamp))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Edition = edition;
        Current = page;
        Item = item;
        return Page();
    }
}
