using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Published;

/// <summary>
/// The reader's permalinks. Slugs and page labels are restricted to URL-safe characters by the model,
/// so nothing here needs escaping. An edition is named by its date (<c>2026-11-02</c>), and a day's later edition by
/// <c>{date}_{n}</c> (<c>2026-11-02_2</c>), as IIIF and the static export name it.
/// </summary>
internal static class ReaderUrls
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Publication(string slug) => "/" + slug;

    /// <summary>The URL segment of an edition: its date, with <c>_{number}</c> after it for a day's later edition.</summary>
    public static string Segment(DateOnly date, int number) =>
        number <= 1 ? Date(date) : string.Create(CultureInfo.InvariantCulture, $"{Date(date)}_{number}");

    /// <summary>Reads an edition segment: <c>2026-11-02</c> (number 1) or <c>2026-11-02_2</c> (never <c>_1</c> or <c>_02</c>).</summary>
    public static bool TryParseSegment(string segment, out DateOnly date, out int number)
    {
        ArgumentNullException.ThrowIfNull(segment);
        number = 1;
        var at = segment.IndexOf('_', StringComparison.Ordinal);
        var day = at < 0 ? segment : segment[..at];
        if (at >= 0 && (segment.Length == at + 1 || segment[at + 1] == '0' || segment.Length > at + 5
            || !int.TryParse(segment.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 2))
        {
            date = default;
            number = 1;
            return false;
        }

        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Edition(string slug, DateOnly date, int number = 1) => $"/{slug}/{Segment(date, number)}";

    public static string Page(string slug, DateOnly date, string label, int number = 1) => $"/{slug}/{Segment(date, number)}/{label}";

    public static string Article(string slug, DateOnly date, string label, int n, int number = 1) =>
        string.Create(CultureInfo.InvariantCulture, $"/{slug}/{Segment(date, number)}/{label}/{n}");

    /// <summary>The calendar of a month: <c>/{slug}/2026/11</c>.</summary>
    public static string Calendar(string slug, int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"/{slug}/{year:0000}/{month:00}");

    /// <summary>The publication's corrections (更正) page.</summary>
    public static string Corrections(string slug) => $"/{slug}/corrections";

    /// <summary>The publication's corrections as an Atom feed.</summary>
    public static string CorrectionsFeed(string slug) => $"/{slug}/corrections.atom";

    /// <summary>An article's text as it was first published, before the desk corrected it.</summary>
    public static string Original(string articleUrl) => articleUrl + "/original";

    /// <summary>Where a reader reports a problem with an article.</summary>
    public static string Report(string articleUrl) => articleUrl + "/report";

    /// <summary>A page's articles with their paragraphs and where each is printed (for reading aloud along the page).</summary>
    public static string PageText(PageView page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var url = $"/api/v1/publications/{page.Edition.Slug}/editions/{Date(page.Edition.Date)}/pages/{page.Page.Label}";
        return page.Edition.Number == 1 ? url : string.Create(CultureInfo.InvariantCulture, $"{url}?number={page.Edition.Number}");
    }

    /// <summary>Every address a reader needs to read an edition offline.</summary>
    public static string Offline(string slug, DateOnly date, int number = 1) => $"/{slug}/{Segment(date, number)}/offline.json";

    /// <summary>A clip of a page: a rectangle in ten-thousandths of the page, left, top, width, height.</summary>
    public static string Clip(string pageUrl, Reader.ClipRect rect) => $"{pageUrl}/clip/{rect}";

    /// <summary>The month picker's target, which redirects to <see cref="Calendar"/>.</summary>
    public static string CalendarJump(string slug) => $"/{slug}/calendar";

    /// <summary>The URL of a blob, or null when there is none.</summary>
    public static string? Media(string? key) => string.IsNullOrEmpty(key) ? null : "/media/" + key;

    /// <summary>"第01版:头版", as e-paper sites name a page in their page lists.</summary>
    public static string PageTitle(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return string.IsNullOrWhiteSpace(page.Name) ? $"第{page.Label}版" : $"第{page.Label}版:{page.Name}";
    }
}
