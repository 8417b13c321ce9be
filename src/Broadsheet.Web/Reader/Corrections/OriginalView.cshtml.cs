using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>
/// <c>/{publication}/{date}/{page}/{n}/original</c>: a corrected article's text as it was first published, one
/// click from the correction; the page image beside it is the printed original itself.
/// </summary>
internal sealed class OriginalViewModel(PublishedEditions editions, PublishedCorrections corrections) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public ArticleOnPage Item { get; private set; } = null!;

    /// <summary>The text as first published; null when the desk has not changed the text since.</summary>
    public SnapshotText? Original { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publication, string date, string label, int n, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition
            || edition.FindPage(label)?.Article(n) is not { } item)
        {
            return NotFound();
        }

        if (ReaderCaching.IsNotModified(HttpContext, publication, edition.Stamp))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Edition = edition;
        Item = item;
        Original = await corrections.OriginalSnapshotAsync(item.Article.Id, edition.Edition.PublishedAt, cancellationToken) is { } snapshot
            ? ArticleSnapshots.Read(snapshot)
            : null;
        return Page();
    }
}
