using Broadsheet.Web.Published;

namespace Broadsheet.Web.Reader;

/// <summary>
/// A month laid out as weeks (Monday first) with the days that have a published edition, and the months one
/// may move to: those between the publication's first and last editions.
/// </summary>
internal sealed class MonthCalendar
{
    public MonthCalendar(MonthOfEditions month)
    {
        ArgumentNullException.ThrowIfNull(month);
        Year = month.Year;
        Month = month.Month;
        First = month.First;
        Last = month.Last;
        var editions = new Dictionary<DateOnly, EditionListing>();
        var later = new Dictionary<DateOnly, List<EditionListing>>();
        foreach (var edition in month.Editions)
        {
            if (!editions.TryAdd(edition.Date, edition))
            {
                later.TryAdd(edition.Date, []);
                later[edition.Date].Add(edition);
            }
        }

        Editions = editions;
        LaterEditions = later.ToDictionary(p => p.Key, p => (IReadOnlyList<EditionListing>)p.Value);
        var start = new DateOnly(Year, Month, 1);
        var lead = ((int)start.DayOfWeek + 6) % 7;
        var days = DateTime.DaysInMonth(Year, Month);
        var cells = Enumerable.Repeat<DateOnly?>(null, lead).Concat(Enumerable.Range(0, days).Select(d => (DateOnly?)start.AddDays(d))).ToList();
        while (cells.Count % 7 != 0)
        {
            cells.Add(null);
        }

        Weeks = [.. cells.Chunk(7).Select(week => (IReadOnlyList<DateOnly?>)week)];
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The publication's first and last edition dates, when it has any.</summary>
    public DateOnly? First { get; }

    public DateOnly? Last { get; }

    /// <summary>Each day's first published edition, which the day's cell links.</summary>
    public IReadOnlyDictionary<DateOnly, EditionListing> Editions { get; }

    /// <summary>A day's other editions (an extra, a second edition), by number, for days that have them.</summary>
    public IReadOnlyDictionary<DateOnly, IReadOnlyList<EditionListing>> LaterEditions { get; }

    public IReadOnlyList<IReadOnlyList<DateOnly?>> Weeks { get; }

    /// <summary>The month before, when the publication has editions that early.</summary>
    public (int Year, int Month)? Previous => Shift(-1) is var p && First is { } first && Key(p) >= Key((first.Year, first.Month)) ? p : null;

    /// <summary>The month after, when the publication has editions that late.</summary>
    public (int Year, int Month)? Next => Shift(1) is var n && Last is { } last && Key(n) <= Key((last.Year, last.Month)) ? n : null;

    /// <summary>The years the month picker offers: from the first edition's to the last's, newest first.</summary>
    public IEnumerable<int> Years =>
        First is { } first && Last is { } last
            ? Enumerable.Range(Math.Min(first.Year, Year), Math.Max(last.Year, Year) - Math.Min(first.Year, Year) + 1).Reverse()
            : [Year];

    private (int Year, int Month) Shift(int months)
    {
        var date = new DateOnly(Year, Month, 1).AddMonths(months);
        return (date.Year, date.Month);
    }

    private static int Key((int Year, int Month) month) => (month.Year * 12) + month.Month;
}
