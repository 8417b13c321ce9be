using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Review;

/// <summary>The desk's Chinese names for kinds and statuses, and how it shows a time.</summary>
internal static class DeskText
{
    public static IReadOnlyList<ArticleKind> Kinds { get; } = [ArticleKind.Story, ArticleKind.PhotoNews, ArticleKind.Briefs, ArticleKind.Advertisement, ArticleKind.Notice];

    public static string Kind(ArticleKind kind) => ArticleSnapshot.KindName(kind);

    public static string Status(EditionStatus status) => status switch
    {
        EditionStatus.Scheduled => "定时发布",
        EditionStatus.Published => "已发布",
        EditionStatus.Withdrawn => "已撤回",
        _ => "草稿",
    };

    public static string StatusClass(EditionStatus status) => "status status-" + status.ToString().ToLowerInvariant();

    /// <summary>"第01版:头版", as the reader names a page.</summary>
    public static string PageTitle(Page page) => Published.ReaderUrls.PageTitle(page);

    /// <summary>An instant as the publication's desk reads it: its own time zone, to the minute.</summary>
    public static string Time(Publication publication, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(publication.TimeZoneId);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
