using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Published;

/// <summary>
/// The reader's permalinks. Slugs and page labels are restricted to URL-safe characters by the model,
/// so nothing here needs escaping.
/// </summary>
internal static class ReaderUrls
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Publication(string slug) => "/" + slug;

    public static string Edition(string slug, DateOnly date) => $"/{slug}/{Date(date)}";

    public static string Page(string slug, DateOnly date, string label) => $"/{slug}/{Date(date)}/{label}";

    public static string Article(string slug, DateOnly date, string label, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"/{slug}/{Date(date)}/{label}/{n}");

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
        return $"/api/v1/publications/{page.Edition.Slug}/editions/{Date(page.Edition.Date)}/pages/{page.Page.Label}";
    }

    /// <summary>Every address a reader needs to read an edition offline.</summary>
    public static string Offline(string slug, DateOnly date) => $"/{slug}/{Date(date)}/offline.json";

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
