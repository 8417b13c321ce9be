using System.CommandLine;
using System.Globalization;
using Broadsheet.Samples;

namespace Broadsheet.Samples.Cli;

/// <summary>Writes a generated edition to a folder: something to try `import` on, and the benchmarks' input.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("folder") { Description = "Where to write the page PDFs and their ground truth (*.truth.json)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the layout and text; the same seed gives the same edition.", DefaultValueFactory = _ => 1 };
        var date = new Option<string>("--date") { Description = "The edition's date (yyyy-MM-dd).", DefaultValueFactory = _ => "2026-11-02", HelpName = "yyyy-MM-dd" };
        var pages = new Option<int>("--pages") { Description = "Number of pages, 4 to 16.", DefaultValueFactory = _ => 8 };
        var command = new Command("sample", "Generate a sample edition (page PDFs laid out like a Chinese daily, with ground truth).") { output, seed, date, pages };
        command.SetAction(result => Failure.Guard(() =>
        {
            var text = result.GetRequiredValue(date);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new InvalidDataException($"--date {text}: not a date of the form yyyy-MM-dd");
            }

            var count = result.GetValue(pages);
            if (count is < 4 or > 16)
            {
                throw new InvalidDataException($"--pages {count}: a sample edition has 4 to 16 pages");
            }

            var edition = SampleEditionGenerator.Generate(
                new SampleEditionOptions { Seed = result.GetValue(seed), Date = day, PageCount = count },
                result.GetRequiredValue(output));
            Console.WriteLine($"Wrote {edition.Pages.Count} pages of {day:yyyy-MM-dd} to {edition.Directory}");
            return 0;
        }));
        return command;
    }
}
