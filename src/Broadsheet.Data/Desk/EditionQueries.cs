using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Desk;

internal static class EditionQueries
{
    /// <summary>Editions with their publication, pages and articles (regions and photos too), tracked.</summary>
    public static IQueryable<Edition> Whole(BroadsheetDbContext db) =>
        db.Editions
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .Include(e => e.Articles).ThenInclude(a => a.Images)
            .AsSplitQuery();
}
