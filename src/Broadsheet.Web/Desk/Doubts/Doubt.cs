using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Desk.Doubts;

/// <summary>What a doubt is about; the desk words each and knows what fixes it.</summary>
internal enum DoubtKind
{
    PageUnreadable,
    PageNoArticles,
    PageRotated,
    PageExtraPages,
    PageOcr,
    UnclaimedText,
    NoRegion,
    NoText,
    NoHeadline,
    CoversPhoto,
    PhotoOverText,
    Overlap,
    Fragmented,
    BrokenStart,
    VeryLong,
    Detection,
}

/// <summary>
/// One thing on a page that needs a person's look, with how bad it is (higher first), the article it is
/// about (and the other one, for an overlap), and where on the page to look.
/// </summary>
internal sealed record Doubt(DoubtKind Kind, int Severity, Page Page, Article? Article, Article? Other, Box? Where, string Message)
{
    /// <summary>A stable name for the item within its page, for scripts and tests.</summary>
    public string Key => Kind.ToString().ToLowerInvariant() + (Article is null ? "" : "-" + Article.Id) + (Other is null ? "" : "-" + Other.Id)
        + (Where is { } w && Article is null ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"-{w.Left:0.###}-{w.Top:0.###}") : "");
}
