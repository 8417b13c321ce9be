using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Review;

/// <summary>The desk's addresses for an edition's pages and articles.</summary>
internal static class DeskUrls
{
    public static string Edition(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return $"/desk/{edition.Publication.Slug}/{Date(edition.Date)}" + NumberQuery(edition);
    }

    /// <summary>The review page of <paramref name="page"/>, with <paramref name="article"/> selected when given.</summary>
    public static string Review(Edition edition, Page page, int? article = null)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(page);
        var query = new List<string>();
        if (edition.Number > 1)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"n={edition.Number}"));
        }

        if (article is { } id)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"article={id}"));
        }

        return $"/desk/{edition.Publication.Slug}/{Date(edition.Date)}/{page.Label}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    /// <summary>The review page of page <paramref name="label"/> of the day's edition <paramref name="number"/>, where only those are known (a reader's report).</summary>
    public static string Review(string slug, DateOnly date, int number, string label) =>
        $"/desk/{slug}/{Date(date)}/{label}" + (number > 1 ? string.Create(CultureInfo.InvariantCulture, $"?n={number}") : "");

    public static string Article(int id) => string.Create(CultureInfo.InvariantCulture, $"/desk/articles/{id}");

    public static string Regions(int id) => string.Create(CultureInfo.InvariantCulture, $"/desk/api/articles/{id}/regions");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string NumberQuery(Edition edition) =>
        edition.Number > 1 ? string.Create(CultureInfo.InvariantCulture, $"?n={edition.Number}") : "";
}
