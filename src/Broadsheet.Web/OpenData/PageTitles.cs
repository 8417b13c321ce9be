using Broadsheet.Core.Model;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.OpenData;

/// <summary>
/// A page's title in the paper's language, as the reader titles it (<c>第01版:头版</c>, <c>Page 01: Front</c>):
/// open data is read outside any request's interface language, so it follows the paper, Chinese unless English.
/// </summary>
internal static class PageTitles
{
    public static string Of(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Edition.Publication.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return ReaderUrls.PageTitle(page);
        }

        return string.IsNullOrWhiteSpace(page.Name) ? $"Page {page.Label}" : $"Page {page.Label}: {page.Name}";
    }
}
