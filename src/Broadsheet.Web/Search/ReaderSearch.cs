using System.Globalization;
using Broadsheet.Search;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Search;

/// <summary>What a reader asked for, as read from a query string shared by the results page and the API.</summary>
internal sealed record SearchRequest
{
    public string? Q { get; init; }

    public string? Publication { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? PageName { get; init; }

    /// <summary>"Search this edition": the edition's date (with <see cref="Publication"/>).</summary>
    public DateOnly? Edition { get; init; }

    /// <summary>
    /// Which of <see cref="Edition"/>'s day's editions: <c>edition=2026-11-02</c> is the first, <c>edition=2026-11-02_2</c>
    /// the second, as in the reader's URLs; never every edition of the day, which would make 仅本期 on a first edition
    /// search an extra printed beside it.
    /// </summary>
    public int EditionNumber { get; init; } = 1;

    public SearchSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && PageName is null && From is null && To is null;

    public static SearchRequest Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var edition = ReaderUrls.TryParseSegment(query["edition"].ToString(), out var day, out var number);
        return new SearchRequest
        {
            Q = Text(query["q"]),
            // A slug or nothing: the value goes into links ("/" + slug), so "/evil.example/x" would make "//evil.example/x".
            Publication = Text(query["pub"]) is { } slug && Core.Model.Publication.IsValidSlug(slug) ? slug : null,
            From = Date(query["from"]),
            To = Date(query["to"]),
            PageName = Text(query["pagename"]),
            Edition = edition ? day : null,
            EditionNumber = edition ? number : 1,
            Sort = Text(query["sort"]) switch
            {
                "newest" => SearchSort.Newest,
                "oldest" => SearchSort.Oldest,
                _ => SearchSort.Relevance,
            },
            Page = int.TryParse(query["p"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 1000 ? page : 1,
            PageSize = int.TryParse(query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= SearchQuery.MaxPageSize ? size : 20,
        };
    }

    public SearchQuery ToQuery() => new()
    {
        Text = Q,
        Publication = Publication,
        From = From,
        To = To,
        PageName = PageName,
        Edition = Publication is { } slug && Edition is { } date ? new EditionFilter(slug, date, EditionNumber) : null,
        Sort = Sort,
        Page = Page,
        PageSize = PageSize,
        Facets = true,
    };

    /// <summary>The results page for this request with some values changed (another page, a facet picked).</summary>
    public string Url(int? page = null, string? pageName = null, DateOnly? from = null, DateOnly? to = null, SearchSort? sort = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Q);
        Add("pub", Publication);
        Add("edition", Edition is { } e ? ReaderUrls.Segment(e, EditionNumber) : null);
        Add("pagename", pageName ?? PageName);
        Add("from", (from ?? From) is { } f ? ReaderUrls.Date(f) : null);
        Add("to", (to ?? To) is { } t ? ReaderUrls.Date(t) : null);
        Add("sort", (sort ?? Sort) switch { SearchSort.Newest => "newest", SearchSort.Oldest => "oldest", _ => null });
        Add("p", (page ?? 1) > 1 ? (page ?? 1).ToString(CultureInfo.InvariantCulture) : null);
        return "/search" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 200)];

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>Runs reader searches; answers "unavailable" rather than failing while another process holds the index.</summary>
internal sealed class ReaderSearch(IServiceProvider services, Metrics.BroadsheetMetrics metrics)
{
    /// <summary>The result, or null when the index cannot be used just now.</summary>
    public SearchResult? Run(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var index = services.GetRequiredService<SearchIndex>();
            var query = request.ToQuery();
            return metrics.TimeSearch(() => index.Search(query));
        }
        catch (SearchIndexInUseException)
        {
            return null;
        }
    }

    /// <summary>The reader URL of a hit's article, carrying the matched words so the page can mark them.</summary>
    public static string ArticleUrl(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return ReaderUrls.Article(hit.PublicationSlug, hit.Date, hit.PageLabel, hit.ArticleNumberOnPage, hit.EditionNumber) + Highlight(hit);
    }

    /// <summary>The page view of a hit, with the matched words marked on the page image within the hit's article.</summary>
    public static string PageUrl(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var marks = Highlight(hit);
        return ReaderUrls.Page(hit.PublicationSlug, hit.Date, hit.PageLabel, hit.EditionNumber)
            + (marks.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{marks}&a={hit.ArticleNumberOnPage}"));
    }

    private static string Highlight(SearchHit hit) =>
        hit.MatchedForms.Count == 0 ? "" : "?" + string.Join('&', hit.MatchedForms.Take(8).Select(f => "hl=" + Uri.EscapeDataString(f)));
}
