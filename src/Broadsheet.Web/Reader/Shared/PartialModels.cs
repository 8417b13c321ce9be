using Broadsheet.Core.Model;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Reader;

/// <summary>The 标题导航 list of a page, with the article being read (if any) marked.</summary>
internal sealed record TocModel(PageView Page, Article? Current = null, bool WithPage = false)
{
    /// <summary>Appended to every title's link ("?hl=…"), so a search's marks follow the reader.</summary>
    public string LinkQuery { get; init; } = "";
}

/// <summary>
/// 当前版 with 首版/上一版/下一版/末版 and 通版. <paramref name="Keys"/>: the arrow keys and swipes follow its
/// links (not in the article view, where they follow 上一篇/下一篇).
/// </summary>
internal sealed record PagerModel(PageView Page, bool Keys = true);

/// <summary>版面 ⇄ 文字: the page view and the text view of the same place, one of them current.</summary>
internal sealed record ViewToggleModel(string PageUrl, string? TextUrl, bool OnPage);

/// <summary>A page image with hotspots, or as a thumbnail with <paramref name="Current"/>'s regions highlighted.</summary>
internal sealed record PageSheetModel(PageView Page, bool Thumbnail = false, Article? Current = null, bool Spread = false)
{
    /// <summary>A searched phrase's boxes to mark on the image.</summary>
    public IReadOnlyList<Search.HitBox> Hits { get; init; } = [];

    /// <summary>Appended to every hotspot's link ("?hl=…"), so a search's marks follow the reader into the text.</summary>
    public string LinkQuery { get; init; } = "";
}

/// <summary>A month calendar of a publication's editions, with <paramref name="Current"/> (the edition being read) marked.</summary>
internal sealed record CalendarModel(string Slug, MonthCalendar Month, DateOnly? Current, bool Compact)
{
    /// <summary>Which of the current day's editions is being read (1 for the first).</summary>
    public int CurrentNumber { get; init; } = 1;
}

/// <summary>The searched phrases marked in an article's text, how often, and the same article without marks.</summary>
internal sealed record HitsBarModel(IReadOnlyList<string> Phrases, int Count, string ClearUrl);

/// <summary>The form to report a problem with an article; open on its own page, folded in the article view.</summary>
internal sealed record ReportFormModel(ArticleOnPage Item, bool Open = false);
