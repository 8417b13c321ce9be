using Broadsheet.Core.Model;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary><c>/{publication}/corrections</c>: every correction (更正) the desk published, newest first.</summary>
internal sealed class CorrectionsViewModel(PublishedEditions editions, PublishedCorrections corrections) : PageModel
{
    /// <summary>How many corrections the page lists; the feed has the same.</summary>
    public const int Listed = 100;

    public Publication Publication { get; private set; } = null!;

    public EditionListing? Latest { get; private set; }

    public IReadOnlyList<PublishedCorrection> Corrections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string publication, CancellationToken cancellationToken)
    {
        if (await editions.FindPublicationAsync(publication, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        ReaderCaching.TagPublication(HttpContext, publication);
        Publication = found;
        Latest = await editions.LatestAsync(publication, null, cancellationToken);
        Corrections = await corrections.LatestAsync(publication, Listed, cancellationToken);
        return Page();
    }
}
