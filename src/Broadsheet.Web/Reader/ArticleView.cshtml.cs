using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Broadsheet.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Reader;

/// <summary>An article as text: the <c>n</c>th article (in reading order) among those printed on a page.</summary>
internal sealed class ArticleViewModel(PublishedEditions editions) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public PageView Current { get; private set; } = null!;

    public ArticleOnPage Item { get; private set; } = null!;

    public MonthCalendar Calendar { get; private set; } = null!;

    /// <summary>The phrases marked in the text (<c>?hl=</c>, from a search result).</summary>
    public IReadOnlyList<string> MarkedPhrases { get; private set; } = [];

    /// <summary>The article's texts as runs of plain and marked text.</summary>
    public MarkedArticle Text { get; private set; } = null!;

    /// <summary>The query that carries the marks on to the page view and other articles ("?hl=…"), or "".</summary>
    public string MarksQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string publication, string date, string label, int n, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        if (edition.FindPage(label) is not { } page)
        {
            return edition.FindPageLoosely(label)?.Article(n) is { } moved ? RedirectPermanent(moved.Url + Request.QueryString) : NotFound();
        }

        if (page.Article(n) is not { } item)
        {
            return NotFound();
        }

        MarkedPhrases = PageHitMarker.PhrasesOf(Request.Query);
        if (MarkedPhrases.Count == 0 && ReaderCaching.IsNotModified(HttpContext, publication, edition.Stamp))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Edition = edition;
        Current = page;
        Item = item;
        Text = MarkedArticle.Of(item.Article, MarkedPhrases);
        if (MarkedPhrases.Count > 0)
        {
            // Marked for one reader: neither kept in the page cache nor shared by caches on the way.
            Response.Headers.CacheControl = "no-store";
            MarksQuery = ReaderMarks.Query(MarkedPhrases);
        }

        Calendar = new MonthCalendar(await editions.MonthAsync(publication, day.Year, day.Month, cancellationToken));
        return Page();
    }
}
