using System.Globalization;

namespace Broadsheet.Web.Reader;

/// <summary>The <c>?hl=…</c> a search result's marks travel in, from page to text and back.</summary>
internal static class ReaderMarks
{
    /// <summary>"?hl=a&amp;hl=b", or "" for no phrases.</summary>
    public static string Query(IReadOnlyList<string> phrases) =>
        phrases.Count == 0 ? "" : "?" + string.Join('&', phrases.Select(p => "hl=" + Uri.EscapeDataString(p)));

    /// <summary>The page view with the marks kept, within article <paramref name="n"/>, scrolled to that article.</summary>
    public static string PageUrl(string pageUrl, IReadOnlyList<string> phrases, int n)
    {
        var query = Query(phrases);
        var within = query.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{query}&a={n}");
        return string.Create(CultureInfo.InvariantCulture, $"{pageUrl}{within}#a{n}");
    }
}
