using System.CommandLine;
using System.Globalization;

namespace Broadsheet.Samples.Cli;

/// <summary>
/// The demo paper's editions: one generated 8-page edition per day of the week ending today (in the paper's time
/// zone), each in a folder named by its date, for <c>broadsheet demo --editions</c>. Days already generated are kept
/// (a later run makes only the new day), days that fell out of the week are deleted.
/// </summary>
internal static class DemoWeekCommand
{
    /// <summary>The demo paper's time zone, as <c>broadsheet demo</c> creates it.</summary>
    public const string TimeZone = "Asia/Shanghai";

    public static Command Create(TimeProvider clock)
    {
        var output = new Argument<string>("folder") { Description = "Where to keep the editions, one sub-folder per date (yyyy-MM-dd)." };
        var days = new Option<int>("--days") { Description = "How many days, ending today, 1 to 31.", DefaultValueFactory = _ => 7 };
        var command = new Command("demo-week", "Generate the demo paper's daily editions of 8 pages ending today, for `broadsheet demo --editions`.") { output, days };
        command.SetAction(result => Failure.Guard(() =>
        {
            var count = result.GetValue(days);
            if (count is < 1 or > 31)
            {
                throw new InvalidDataException($"--days {count}: the demo has 1 to 31 days");
            }

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
            Write(result.GetRequiredValue(output), today, count);
            return 0;
        }));
        return command;
    }

    private static void Write(string folder, DateOnly today, int count)
    {
        Directory.CreateDirectory(folder);
        var wanted = Enumerable.Range(0, count).Select(i => today.AddDays(i - count + 1)).ToList();
        foreach (var stale in Directory.EnumerateDirectories(folder).Where(d => !wanted.Any(w => string.Equals(Name(w), Path.GetFileName(d), StringComparison.Ordinal))))
        {
            Directory.Delete(stale, recursive: true);
        }

        foreach (var date in wanted)
        {
            var target = Path.Combine(folder, Name(date));
            if (Directory.Exists(target))
            {
                Console.WriteLine($"{Name(date)} is already there.");
                continue;
            }

            // Generated beside and then renamed, so a killed run never leaves half an edition under its date.
            var partial = Path.Combine(folder, "." + Name(date) + ".partial");
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }

            SampleEditionGenerator.Generate(
                new SampleEditionOptions
                {
                    Seed = date.DayNumber,
                    Date = date,
                    PageCount = 8,
                    IncludeEnglishPage = date.DayOfWeek == DayOfWeek.Sunday,
                    IssueNumber = date.DayNumber - 730000,
                },
                partial);
            Directory.Move(partial, target);
            Console.WriteLine($"Generated {Name(date)}.");
        }
    }

    private static string Name(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
