using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Reader;

/// <summary>How the reader writes dates, numbers and kinds; culture-independent, whatever the server's locale.</summary>
internal static class ReaderFormat
{
    private const string Weekdays = "日一二三四五六";

    /// <summary>"2026年11月2日 星期一".</summary>
    public static string LongDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日 星期{Weekdays[(int)date.DayOfWeek]}");

    /// <summary>A number for an HTML attribute or CSS value: invariant, at most five decimals.</summary>
    public static string Number(double value) => Math.Round(value, 5).ToString("0.#####", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"总第1234期", or null when the issue number is unknown.</summary>
    public static string? IssueNumber(Edition edition) =>
        edition.IssueNumber is { } issue ? string.Create(CultureInfo.InvariantCulture, $"总第{issue}期") : null;

    /// <summary>The label shown beside an article that is not a plain story, or null for stories.</summary>
    public static string? KindLabel(ArticleKind kind) => kind switch
    {
        ArticleKind.PhotoNews => "图说新闻",
        ArticleKind.Briefs => "简讯",
        ArticleKind.Advertisement => "广告",
        _ => null,
    };
}
