using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data;

/// <summary>The blobs pages name: each one's image and PDF, and its derivatives' folder as a prefix (ending in <c>/</c>).</summary>
internal static class PageBlobKeys
{
    public static async Task<IReadOnlySet<string>> OfAsync(IQueryable<Page> pages, CancellationToken cancellationToken)
    {
        var named = await pages.AsNoTracking().Select(p => new { p.ImageKey, p.PdfKey, p.DerivativesKey }).ToListAsync(cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in named)
        {
            foreach (var key in new[] { page.ImageKey, page.PdfKey, page.DerivativesKey is null ? null : page.DerivativesKey + "/" })
            {
                if (key is not null)
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }
}
