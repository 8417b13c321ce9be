using System.Diagnostics;
using System.Globalization;
using Broadsheet.Bench.Accuracy;
using Broadsheet.Samples;

// Usage: accuracy [--set held-out|tuning|both] [--seeds 1001-1012] [--pages 8] [--details] [--keep DIR]
//        accuracy dump <page.pdf> [--lines]   (what the importer reads and detects on any PDF page)
//        accuracy draw <page.pdf> <out.png>   (the page with what detection found drawn over it)
//        accuracy corpus [--dir ../shared/corpus/real] [--details] [--json DIR]   (the real pages with ground truth)
// Held-out seeds (1001-1012) are never used to tune the detector; tuning uses seeds below 1000 only.
if (args.Length >= 1 && args[0] == "corpus")
{
    var folder = Option("--dir") ?? Broadsheet.Bench.Accuracy.Corpus.CorpusPage.FindFolder(Environment.CurrentDirectory) ?? "../shared/corpus/real";
    return Broadsheet.Bench.Accuracy.Corpus.CorpusRun.Run(folder, args.Contains("--details"), Option("--json"));
}

if (args.Length >= 3 && args[0] == "draw")
{
    Broadsheet.Bench.Accuracy.PageDrawing.Draw(args[1], args[2]);
    return 0;
}

if (args.Length >= 2 && args[0] == "dump")
{
    Console.Write(PageDump.Render(args[1], args.Contains("--lines")));
    return 0;
}

var set = Option("--set") ?? "both";
var pagesPerEdition = int.Parse(Option("--pages") ?? "8", CultureInfo.InvariantCulture);
var details = args.Contains("--details");
var keep = Option("--keep");
var sets = new List<(string Name, int[] Seeds)>();
if (Option("--seeds") is { } custom)
{
    sets.Add(("custom", ParseSeeds(custom)));
}
else
{
    if (set is "held-out" or "both")
    {
        sets.Add(("held-out", [.. Enumerable.Range(1001, 12)]));
    }

    if (set is "tuning" or "both")
    {
        sets.Add(("tuning", [.. Enumerable.Range(1, 12)]));
    }
}

var root = keep ?? Path.Combine(Path.GetTempPath(), "broadsheet-accuracy-" + Guid.NewGuid().ToString("N"));
var exit = 0;
try
{
    foreach (var (name, seeds) in sets)
    {
        var clock = Stopwatch.StartNew();
        var articles = new List<ArticleResult>();
        var pages = new List<PageResult>();
        foreach (var seed in seeds)
        {
            var options = BenchEditions.Options(seed, pagesPerEdition);
            var edition = SampleEditionGenerator.Generate(options, Path.Combine(root, seed.ToString(CultureInfo.InvariantCulture)));
            var (a, p) = EditionRun.Run(seed, edition);
            articles.AddRange(a);
            pages.AddRange(p);
        }

        var report = new AccuracyReport(name, seeds, articles, pages);
        Console.Write(report.Render(details));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({clock.Elapsed.TotalSeconds:0} s)"));
        Console.WriteLine();
    }
}
finally
{
    if (keep is null && Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }
}

return exit;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static int[] ParseSeeds(string text) =>
    [.. text.Split(',').SelectMany(part =>
    {
        var range = part.Split('-');
        var from = int.Parse(range[0], CultureInfo.InvariantCulture);
        var to = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : from;
        return Enumerable.Range(from, to - from + 1);
    })];
