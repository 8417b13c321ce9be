namespace Broadsheet.Bench.Search.Corpus;

/// <summary>
/// How a generated archive is laid out: <see cref="Count"/> articles of one daily spread evenly over
/// <see cref="Days"/> consecutive days from <see cref="FirstDay"/>. Article <c>i</c> (0-based) has id <c>i + 1</c>.
/// </summary>
internal sealed record CorpusShape(int Count, int Seed)
{
    public const string PublicationSlug = "binjiang";
    public const string PublicationName = "滨江日报";
    public const string InternationalPage = "International";

    /// <summary>1996-01-01: thirty years of a daily end on 2025-12-31.</summary>
    public DateOnly FirstDay { get; } = new(1996, 1, 1);

    public int Days { get; } = new DateOnly(2026, 1, 1).DayNumber - new DateOnly(1996, 1, 1).DayNumber;

    /// <summary>The day (0-based) article <paramref name="index"/> appeared on.</summary>
    public int DayOf(int index) => (int)((long)index * Days / Count);

    /// <summary>The first article index of <paramref name="day"/>; <c>FirstIndexOf(Days)</c> is <see cref="Count"/>.</summary>
    public int FirstIndexOf(int day) => (int)((((long)day * Count) + Days - 1) / Days);

    public DateOnly DateOf(int index) => FirstDay.AddDays(DayOf(index));
}
