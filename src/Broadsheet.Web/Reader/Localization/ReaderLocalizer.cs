using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Web.Published;
using Broadsheet.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Broadsheet.Web.Reader.Localization;

/// <summary>
/// The reader's words in the request's interface language (see <see cref="PublicationCulture"/>): plain texts by
/// key, and the few composed ones (page titles, dates, issue numbers) whose patterns are resources too.
/// </summary>
internal sealed class ReaderLocalizer(IStringLocalizer<ReaderText> text)
{
    /// <summary>The text of <paramref name="key"/>; the key itself shows when a resource is missing.</summary>
    public string this[string key] => text[key].Value;

    /// <summary>The text of <paramref name="key"/> with arguments put into its pattern.</summary>
    public string this[string key, params object[] arguments] => text[key, arguments].Value;

    /// <summary>"第06版:平安贵阳" or "Page 06: Metro"; without a name, "第06版" or "Page 06".</summary>
    public string PageTitle(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return string.IsNullOrWhiteSpace(page.Name) ? this["PageTitleBare", page.Label] : this["PageTitle", page.Label, page.Name];
    }

    public string PageTitle(PageView page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return PageTitle(page.Page);
    }

    /// <summary>"06版" or "p. 06", the short form in 当前版.</summary>
    public string PageShort(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return this["PageShort", page.Label];
    }

    /// <summary>"2026年11月2日 星期一" or "Monday, 2 November 2026".</summary>
    public string LongDate(DateOnly date) =>
        this["LongDate", Number(date.Year), Number(date.Month), Number(date.Day), Names("Weekdays")[(int)date.DayOfWeek], Names("Months")[date.Month - 1]];

    /// <summary>"第2期" or "Edition 2": one of a day's several editions, by its number.</summary>
    public string EditionOfDay(int number) => this["EditionOfDay", Number(number)];

    /// <summary>The edition's date as <see cref="LongDate"/>, with "第2期" after it for a day's later edition.</summary>
    public string EditionDate(EditionView edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.Number > 1 ? LongDate(edition.Date) + " " + EditionOfDay(edition.Number) : LongDate(edition.Date);
    }

    /// <summary>"2026年11月" or "November 2026".</summary>
    public string Month(int year, int month) => this["MonthTitle", Number(year), Number(month), Names("Months")[month - 1]];

    /// <summary>The one-letter weekday names of the calendar's head, Monday first.</summary>
    public IReadOnlyList<string> WeekdayInitials => Names("WeekdayInitials");

    /// <summary>The month names for the calendar's month picker, January first.</summary>
    public IReadOnlyList<string> MonthNames => Names("Months");

    /// <summary>"总第1234期" or "No. 1234"; null when the issue number is unknown.</summary>
    public string? IssueNumber(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.IssueNumber is { } issue ? this["IssueNumber", Number(issue)] : null;
    }

    /// <summary>The label beside an article that is not a plain story (图说新闻 …), or null for stories.</summary>
    public string? Kind(ArticleKind kind) => kind switch
    {
        ArticleKind.PhotoNews => this["KindPhotoNews"],
        ArticleKind.Briefs => this["KindBriefs"],
        ArticleKind.Advertisement => this["KindAdvertisement"],
        ArticleKind.Notice => this["KindNotice"],
        _ => null,
    };

    private string[] Names(string key) => text[key].Value.Split(',');

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
