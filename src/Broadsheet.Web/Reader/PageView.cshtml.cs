using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Broadsheet.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>One page of an edition: its image with a hotspot per article, the article titles and the page list.</summary>
internal sealed class PageViewModel(PublishedEditions editions, PageHitMarker marker) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public PageView Current { get; private set; } = null!;

    public MonthCalendar Calendar { get; private set; } = null!;

    /// <summary>The phrases marked on the page image (<c>?hl=</c>, from a search result) and where they are printed.</summary>
    public IReadOnlyList<string> MarkedPhrases { get; private set; } = [];

    public IReadOnlyList<HitBox> Hits { get; private set; } = [];

    /// <summary>The article the marks are within (<c>?a=n</c>), when the reader came from a search result.</summary>
    public ArticleOnPage? MarkedArticle { get; private set; }

    /// <summary>Carries the marks into the articles' text ("?hl=…"), or "".</summary>
    public string MarksQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string publication, string date, string label, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        if (edition.FindPage(label) is not { } page)
        {
            // "/…/6" is page 06: one address for each page, the others lead there.
            return edition.FindPageLoosely(label) is { } moved ? RedirectPermanent(moved.Url + Request.QueryString) : NotFound();
        }

        // A page with a search's marks is made for one reader: it is neither kept in the page cache nor validated.
        MarkedPhrases = PageHitMarker.PhrasesOf(Request.Query);
        if (MarkedPhrases.Count == 0 && ReaderCaching.IsNotModified(HttpContext, publication, edition.Stamp))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Edition = edition;
        Current = page;
        if (MarkedPhrases.Count > 0)
        {
            var article = int.TryParse(Request.Query["a"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? page.Article(n) : null;
            Hits = await marker.MarkAsync(page, MarkedPhrases, article, cancellationToken);
            MarkedArticle = article;
            MarksQuery = ReaderMarks.Query(MarkedPhrases);
            Response.Headers.CacheControl = "no-store";
        }

        Calendar = new MonthCalendar(await editions.MonthAsync(publication, day.Year, day.Month, cancellationToken));
        return Page();
    }
}
