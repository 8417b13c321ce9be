using Broadsheet.Core.Model;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Reader;

/// <summary>The 标题导航 list of a page, with the article being read (if any) marked.</summary>
internal sealed record TocModel(PageView Page, Article? Current = null, bool WithPage = false);

/// <summary>A page image with hotspots, or as a thumbnail with <paramref name="Current"/>'s regions highlighted.</summary>
internal sealed record PageSheetModel(PageView Page, bool Thumbnail = false, Article? Current = null, bool Spread = false)
{
    /// <summary>A searched phrase's boxes to mark on the image.</summary>
    public IReadOnlyList<Search.HitBox> Hits { get; init; } = [];
}

/// <summary>A month calendar of a publication's editions, with <paramref name="Current"/> (the edition being read) marked.</summary>
internal sealed record CalendarModel(string Slug, MonthCalendar Month, DateOnly? Current, bool Compact);
