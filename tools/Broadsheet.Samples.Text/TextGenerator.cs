using System.Globalization;
using System.Text;

namespace Broadsheet.Samples.Text;

// Draws text from the corpora with one seeded System.Random and fills their placeholders.
internal sealed class TextGenerator
{
    private static readonly string[] EnglishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private readonly HashSet<string> _usedHeadlines = new(StringComparer.Ordinal);
    private readonly string _yesterday;
    private readonly string _yesterdayWeekday;

    public TextGenerator(Random random, DateOnly date, string publication)
    {
        Random = random;
        Publication = publication;
        City = CityOf(publication);
        var yesterday = date.AddDays(-1);
        _yesterday = string.Create(CultureInfo.InvariantCulture, $"{yesterday.Month}月{yesterday.Day}日");
        _yesterdayWeekday = EnglishWeekdays[(int)yesterday.DayOfWeek];
    }

    public Random Random { get; }

    public string Publication { get; }

    // The place the paper serves, taken from its name: 滨江日报 serves 滨江.
    public string City { get; }

    public int Next(int min, int maxExclusive) => Random.Next(min, maxExclusive);

    public double Between(double min, double max) => min + (Random.NextDouble() * (max - min));

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    // Headlines are not repeated within an edition while the theme has unused ones, so an article can be found
    // by its headline.
    public string Headline(NewsTheme theme, bool english)
    {
        var unused = theme.Headlines.Where(h => !_usedHeadlines.Contains(h)).ToList();
        var template = Pick<string>(unused.Count > 0 ? unused : theme.Headlines);
        _usedHeadlines.Add(template);
        return Fill(template, english);
    }

    public string ChineseName()
    {
        var sb = new StringBuilder();
        sb.Append(ChineseCorpus.Surnames[Random.Next(ChineseCorpus.Surnames.Length)]);
        var given = Chance(0.6) ? 2 : 1;
        for (var i = 0; i < given; i++)
        {
            sb.Append(ChineseCorpus.GivenNameCharacters[Random.Next(ChineseCorpus.GivenNameCharacters.Length)]);
        }

        return sb.ToString();
    }

    public string EnglishName() => $"{Pick(EnglishCorpus.Surnames)} {Pick(EnglishCorpus.GivenNames)}";

    // Replaces the placeholders described on NewsTheme.
    public string Fill(string template, bool english = false)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var sb = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            sb.Append(Placeholder(template[(open + 1)..close], english));
            i = close + 1;
        }

        return sb.ToString();
    }

    private string Placeholder(string key, bool english) => key switch
    {
        "city" => City,
        "publication" => Publication,
        "place" => Pick(ChineseCorpus.Places),
        "name" => english ? EnglishName() : ChineseName(),
        "date" => _yesterday,
        "weekday" => _yesterdayWeekday,
        "k" => Number(Next(2, 10)),
        "n" => Number(Next(10, 100)),
        "y" => Number(Next(10, 41)),
        "m" => Number(Next(10, 60)),
        "nnn" => Number(Next(100, 1000)),
        "nnnn" => Number(Next(1000, 10000)),
        "pct" => Decimal(Between(1, 30)),
        "hi" => Decimal(Between(90, 99.9)),
        "g" => Decimal(Between(3, 9.9)),
        _ => throw new InvalidOperationException($"Unknown placeholder {{{key}}}."),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string CityOf(string publication)
    {
        foreach (var suffix in (string[])["都市报", "日报", "晚报", "时报", "报"])
        {
            if (publication.Length > suffix.Length && publication.EndsWith(suffix, StringComparison.Ordinal))
            {
                return publication[..^suffix.Length];
            }
        }

        return publication;
    }
}
